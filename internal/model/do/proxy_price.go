// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// ProxyPrice is the golang structure of table proxy_price for DAO operations like Where/Data.
type ProxyPrice struct {
	g.Meta    `orm:"table:proxy_price, do:true"`
	Id        any         //
	AgentId   any         //
	ProductNo any         //
	SalePrice any         //
	SetBy     any         //
	Version   any         //
	CreatedAt *gtime.Time //
	UpdatedAt *gtime.Time //
}
