// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// ProxyFlowLog is the golang structure of table proxy_flow_log for DAO operations like Where/Data.
type ProxyFlowLog struct {
	g.Meta       `orm:"table:proxy_flow_log, do:true"`
	Id           any         //
	AgentId      any         //
	ProductNo    any         //
	UsedAt       *gtime.Time //
	UsedBytes    any         //
	TotalBytes   any         //
	BalanceBytes any         //
}
