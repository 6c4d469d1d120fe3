// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// ProxyPriceHistory is the golang structure of table proxy_price_history for DAO operations like Where/Data.
type ProxyPriceHistory struct {
	g.Meta     `orm:"table:proxy_price_history, do:true"`
	Id         any         //
	ProductNo  any         //
	AgentId    any         //
	OldPrice   any         //
	NewPrice   any         //
	OperatorId any         //
	CreatedAt  *gtime.Time //
}
