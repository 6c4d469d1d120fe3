// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// RelayChannelEvents is the golang structure of table relay_channel_events for DAO operations like Where/Data.
type RelayChannelEvents struct {
	g.Meta     `orm:"table:relay_channel_events, do:true"`
	Id         any         //
	ChannelId  any         //
	KeyId      any         //
	Kind       any         //
	Model      any         //
	Reason     any         //
	OperatorId any         //
	CreatedAt  *gtime.Time //
}
