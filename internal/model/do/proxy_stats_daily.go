// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// ProxyStatsDaily is the golang structure of table proxy_stats_daily for DAO operations like Where/Data.
type ProxyStatsDaily struct {
	g.Meta        `orm:"table:proxy_stats_daily, do:true"`
	Id            any         //
	Day           *gtime.Time //
	AgentId       any         //
	ProductNo     any         //
	Kind          any         //
	Orders        any         //
	Success       any         //
	SaleAmount    any         //
	ChargedAmount any         //
	CostAmount    any         //
	FlowBytes     any         //
	Instances     any         //
	UpdatedAt     *gtime.Time //
}
