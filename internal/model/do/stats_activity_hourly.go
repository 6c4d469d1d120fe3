// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
)

// StatsActivityHourly is the golang structure of table stats_activity_hourly for DAO operations like Where/Data.
type StatsActivityHourly struct {
	g.Meta     `orm:"table:stats_activity_hourly, do:true"`
	Day        any //
	Hour       any //
	UserId     any //
	Logins     any //
	Operations any //
}
