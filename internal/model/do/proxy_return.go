// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// ProxyReturn is the golang structure of table proxy_return for DAO operations like Where/Data.
type ProxyReturn struct {
	g.Meta          `orm:"table:proxy_return, do:true"`
	Id              any         //
	AgentId         any         //
	ProductNo       any         //
	FlowMb          any         //
	ReturnAmount    any         //
	ReturnAmountRaw any         //
	CreditAmount    any         //
	Remark          any         //
	OperatorId      any         //
	CreatedAt       *gtime.Time //
}
