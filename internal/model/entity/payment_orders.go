// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// PaymentOrders is the golang structure for table payment_orders.
type PaymentOrders struct {
	Id               int64       `json:"id"               orm:"id"                 description:""`
	UserId           int64       `json:"userId"           orm:"user_id"            description:""`
	Channel          string      `json:"channel"          orm:"channel"            description:""`
	OutTradeNo       string      `json:"outTradeNo"       orm:"out_trade_no"       description:""`
	TradeNo          string      `json:"tradeNo"          orm:"trade_no"           description:""`
	Amount           int64       `json:"amount"           orm:"amount"             description:""`
	Status           string      `json:"status"           orm:"status"             description:""`
	PayUrl           string      `json:"payUrl"           orm:"pay_url"            description:""`
	MovementId       int64       `json:"movementId"       orm:"movement_id"        description:""`
	RefundMovementId int64       `json:"refundMovementId" orm:"refund_movement_id" description:""`
	PaidAt           *gtime.Time `json:"paidAt"           orm:"paid_at"            description:""`
	ClosedAt         *gtime.Time `json:"closedAt"         orm:"closed_at"          description:""`
	RefundedAt       *gtime.Time `json:"refundedAt"       orm:"refunded_at"        description:""`
	ExpiresAt        *gtime.Time `json:"expiresAt"        orm:"expires_at"         description:""`
	CreatedAt        *gtime.Time `json:"createdAt"        orm:"created_at"         description:""`
	UpdatedAt        *gtime.Time `json:"updatedAt"        orm:"updated_at"         description:""`
}
