// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// CardVerifications is the golang structure of table card_verifications for DAO operations like Where/Data.
type CardVerifications struct {
	g.Meta        `orm:"table:card_verifications, do:true"`
	Id            any         //
	CardId        any         //
	ProjectId     any         //
	DeviceHash    any         //
	Result        any         //
	Ip            any         //
	ClientVersion any         //
	CreatedAt     *gtime.Time //
	Calls         any         //
}
