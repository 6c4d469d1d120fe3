// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// CamelOilAccountHistory is the golang structure of table camel_oil_account_history for DAO operations like Where/Data.
type CamelOilAccountHistory struct {
	g.Meta     `orm:"table:camel_oil_account_history, do:true"`
	Id         any         //
	AccountId  any         //
	FromStatus any         //
	ToStatus   any         //
	Reason     any         //
	OperatorId any         //
	CreatedAt  *gtime.Time //
}
