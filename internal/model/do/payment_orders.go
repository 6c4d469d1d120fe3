// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// PaymentOrders is the golang structure of table payment_orders for DAO operations like Where/Data.
type PaymentOrders struct {
	g.Meta           `orm:"table:payment_orders, do:true"`
	Id               any         //
	UserId           any         //
	Channel          any         //
	OutTradeNo       any         //
	TradeNo          any         //
	Amount           any         //
	Status           any         //
	PayUrl           any         //
	MovementId       any         //
	RefundMovementId any         //
	PaidAt           *gtime.Time //
	ClosedAt         *gtime.Time //
	RefundedAt       *gtime.Time //
	ExpiresAt        *gtime.Time //
	CreatedAt        *gtime.Time //
	UpdatedAt        *gtime.Time //
}
