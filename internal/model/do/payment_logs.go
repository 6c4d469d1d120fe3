// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// PaymentLogs is the golang structure of table payment_logs for DAO operations like Where/Data.
type PaymentLogs struct {
	g.Meta     `orm:"table:payment_logs, do:true"`
	Id         any         //
	OrderId    any         //
	OutTradeNo any         //
	Step       any         //
	Result     any         //
	Detail     any         //
	CreatedAt  *gtime.Time //
}
