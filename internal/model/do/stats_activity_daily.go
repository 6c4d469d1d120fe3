// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
)

// StatsActivityDaily is the golang structure of table stats_activity_daily for DAO operations like Where/Data.
type StatsActivityDaily struct {
	g.Meta        `orm:"table:stats_activity_daily, do:true"`
	Day           any //
	UserId        any //
	Logins        any //
	Operations    any //
	OnlineSeconds any //
}
