// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpDevices is the golang structure of table derp_devices for DAO operations like Where/Data.
type DerpDevices struct {
	g.Meta     `orm:"table:derp_devices, do:true"`
	Id         any         //
	RentalId   any         //
	NodeKey    any         //
	Name       any         //
	Status     any         //
	Source     any         //
	Ips        any         //
	LastSeenAt *gtime.Time //
	CreatedAt  *gtime.Time //
	UpdatedAt  *gtime.Time //
}
