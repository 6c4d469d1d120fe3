// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// ProxyPool is the golang structure of table proxy_pool for DAO operations like Where/Data.
type ProxyPool struct {
	g.Meta       `orm:"table:proxy_pool, do:true"`
	Id           any         //
	AgentId      any         //
	ProductNo    any         //
	TotalBytes   any         //
	UsedBytes    any         //
	BalanceBytes any         //
	Stale        any         //
	SyncedAt     *gtime.Time //
}
