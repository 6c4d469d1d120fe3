// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// CamelOilOrderHistory is the golang structure of table camel_oil_order_history for DAO operations like Where/Data.
type CamelOilOrderHistory struct {
	g.Meta     `orm:"table:camel_oil_order_history, do:true"`
	Id         any         //
	OrderId    any         //
	FromStatus any         //
	ToStatus   any         //
	Reason     any         //
	OperatorId any         //
	CreatedAt  *gtime.Time //
}
