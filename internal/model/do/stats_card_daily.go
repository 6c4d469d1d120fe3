// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
)

// StatsCardDaily is the golang structure of table stats_card_daily for DAO operations like Where/Data.
type StatsCardDaily struct {
	g.Meta    `orm:"table:stats_card_daily, do:true"`
	Day       any //
	OwnerId   any //
	ProjectId any //
	Created   any //
	Activated any //
	Expired   any //
	Disabled  any //
}
