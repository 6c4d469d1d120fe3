// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// RelayChannelKeys is the golang structure of table relay_channel_keys for DAO operations like Where/Data.
type RelayChannelKeys struct {
	g.Meta         `orm:"table:relay_channel_keys, do:true"`
	Id             any         //
	ChannelId      any         //
	Secret         any         //
	Hint           any         //
	Status         any         //
	StatusReason   any         //
	ProbeSuccesses any         //
	CreatedAt      *gtime.Time //
	UpdatedAt      *gtime.Time //
}
