// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
)

// StatsQuotaDaily is the golang structure of table stats_quota_daily for DAO operations like Where/Data.
type StatsQuotaDaily struct {
	g.Meta    `orm:"table:stats_quota_daily, do:true"`
	Day       any //
	UserId    any //
	Type      any //
	AmountIn  any //
	AmountOut any //
	Entries   any //
}
