// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// RelayStatsHourly is the golang structure of table relay_stats_hourly for DAO operations like Where/Data.
type RelayStatsHourly struct {
	g.Meta           `orm:"table:relay_stats_hourly, do:true"`
	Hour             any         //
	UserId           any         //
	Model            any         //
	ChannelId        any         //
	Requests         any         //
	Success          any         //
	Failed           any         //
	PromptTokens     any         //
	CompletionTokens any         //
	Quota            any         //
	UpdatedAt        *gtime.Time //
}
