// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpOrders is the golang structure of table derp_orders for DAO operations like Where/Data.
type DerpOrders struct {
	g.Meta        `orm:"table:derp_orders, do:true"`
	Id            any         //
	OrderNo       any         //
	Kind          any         //
	BuyerId       any         //
	DistributorId any         //
	PlanId        any         //
	Count         any         //
	ListPrice     any         //
	Tier          any         //
	DiscountBps   any         //
	UnitPrice     any         //
	Amount        any         //
	CommissionBps any         //
	Commission    any         //
	CommissionTo  any         //
	Refunded      any         //
	PayMethod     any         //
	Status        any         //
	RentalId      any         //
	SerialId      any         //
	BatchId       any         //
	IdemKey       any         //
	Remark        any         //
	ReviewReason  any         //
	ReviewedBy    any         //
	ReviewedAt    *gtime.Time //
	CompletedAt   *gtime.Time //
	CreatedAt     *gtime.Time //
	UpdatedAt     *gtime.Time //
}
