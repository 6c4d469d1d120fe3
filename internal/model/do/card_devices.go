// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// CardDevices is the golang structure of table card_devices for DAO operations like Where/Data.
type CardDevices struct {
	g.Meta     `orm:"table:card_devices, do:true"`
	Id         any         //
	CardId     any         //
	DeviceHash any         //
	Device     any         //
	BoundAt    *gtime.Time //
	UnboundAt  *gtime.Time //
	LastSeenAt *gtime.Time //
}
