// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// PaymentLogs is the golang structure for table payment_logs.
type PaymentLogs struct {
	Id         int64       `json:"id"         orm:"id"           description:""`
	OrderId    int64       `json:"orderId"    orm:"order_id"     description:""`
	OutTradeNo string      `json:"outTradeNo" orm:"out_trade_no" description:""`
	Step       string      `json:"step"       orm:"step"         description:""`
	Result     string      `json:"result"     orm:"result"       description:""`
	Detail     string      `json:"detail"     orm:"detail"       description:""`
	CreatedAt  *gtime.Time `json:"createdAt"  orm:"created_at"   description:""`
}
