package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// FinanceOrderItem is an order as staff see it: the order plus its commission snapshot and what
// was refunded so far.
type FinanceOrderItem struct {
	OrderItem
	Tier          string `json:"tier"`
	CommissionBps int    `json:"commissionBps"`
	Commission    int64  `json:"commission"`
	CommissionTo  int64  `json:"commissionTo"`
	Refunded      int64  `json:"refunded"`
}

type OrderListReq struct {
	g.Meta `path:"/derp/orders/list" method:"get" tags:"DERP" summary:"Every DERP order (serial purchases, rentals, renewals, extends) in the caller's scope"`
	common.PageReq
	Kind          string `json:"kind"          v:"in:serial_purchase,rental_new,rental_renew,admin_extend"`
	Status        string `json:"status"        v:"in:pending_review,completed,rejected,cancelled,refunded"`
	CustomerId    int64  `json:"customerId"    v:"min:0" dc:"the buyer"`
	DistributorId int64  `json:"distributorId" v:"min:0"`
	From          string `json:"from"          v:"max-length:40" dc:"RFC 3339: created at or after"`
	To            string `json:"to"            v:"max-length:40" dc:"RFC 3339: created before"`
}

type OrderListRes struct {
	Items []FinanceOrderItem `json:"items"`
	Total int                `json:"total"`
}

type OrderRefundReq struct {
	g.Meta `path:"/derp/orders/{id}/refund" method:"put" tags:"DERP" summary:"Refund part or all of a customer balance order (S): the customer is credited and the distributor's commission share debited in one transaction (Idempotency-Key honoured)" idempotent:"true"`
	Id     int64  `json:"id"     in:"path" v:"required|min:1"`
	Amount int64  `json:"amount" v:"required|min:1" dc:"units; the refunds of one order never exceed its amount"`
	Remark string `json:"remark" v:"max-length:255"`
}

type OrderRefundRes = FinanceOrderItem

type FinanceSummaryReq struct {
	g.Meta `path:"/derp/finance/summary" method:"get" tags:"DERP" summary:"Revenue, commission, prepaid balances and counts of the month (Asia/Shanghai) in the caller's scope"`
	Month  string `json:"month" v:"regex:^[0-9]{4}-[0-9]{2}$" dc:"YYYY-MM; absent: the current month"`
}

// FinancePlanCount is how many rentals of a plan were started (new) or renewed in the month.
type FinancePlanCount struct {
	PlanId    int64  `json:"planId"`
	PlanName  string `json:"planName"`
	Kind      string `json:"kind" dc:"new or renew"`
	PayMethod string `json:"payMethod"`
	Count     int64  `json:"count"`
}

// FinanceOrderCounts counts the month's orders by outcome.
type FinanceOrderCounts struct {
	Completed     int64 `json:"completed"`
	Renewed       int64 `json:"renewed"`
	Cancelled     int64 `json:"cancelled"`
	Rejected      int64 `json:"rejected"`
	Refunded      int64 `json:"refunded"`
	PendingReview int64 `json:"pendingReview"`
}

// FinanceSerialCounts counts the serials by their status now.
type FinanceSerialCounts struct {
	Unused  int64 `json:"unused"`
	Used    int64 `json:"used"`
	Expired int64 `json:"expired"`
	Void    int64 `json:"void"`
}

type FinanceSummaryRes struct {
	Month               string              `json:"month"`
	RevenueMonth        int64               `json:"revenueMonth"`
	RevenueTotal        int64               `json:"revenueTotal"`
	CommissionMonth     int64               `json:"commissionMonth"`
	CommissionTotal     int64               `json:"commissionTotal"`
	PrepaidCustomers    int64               `json:"prepaidCustomers"`
	PrepaidDistributors int64               `json:"prepaidDistributors"`
	PlanCounts          []FinancePlanCount  `json:"planCounts"`
	Orders              FinanceOrderCounts  `json:"orders"`
	Serials             FinanceSerialCounts `json:"serials"`
}

type FinanceDistributorListReq struct {
	g.Meta `path:"/derp/finance/distributors/list" method:"get" tags:"DERP" summary:"Per distributor in the caller's scope: purchases, commission, customers, rentals and serials"`
	common.PageReq
	Month string `json:"month" v:"regex:^[0-9]{4}-[0-9]{2}$" dc:"YYYY-MM; absent: the current month"`
}

// FinanceDistributorItem is one distributor's figures; the *Month ones are of the asked month.
type FinanceDistributorItem struct {
	UserId          int64  `json:"userId"`
	Username        string `json:"username"`
	Tier            string `json:"tier"`
	PurchaseMonth   int64  `json:"purchaseMonth"`
	PurchaseTotal   int64  `json:"purchaseTotal"`
	CommissionMonth int64  `json:"commissionMonth"`
	CommissionTotal int64  `json:"commissionTotal"`
	Customers       int64  `json:"customers"`
	ActiveRentals   int64  `json:"activeRentals"`
	SerialsUnused   int64  `json:"serialsUnused"`
	SerialsUsed     int64  `json:"serialsUsed"`
	SerialsExpired  int64  `json:"serialsExpired"`
}

type FinanceDistributorListRes struct {
	Month string                   `json:"month"`
	Items []FinanceDistributorItem `json:"items"`
	Total int                      `json:"total"`
}

// MeOrderItem is one of the member's own orders.
type MeOrderItem struct {
	OrderItem
	PlanName string `json:"planName"`
	Refunded int64  `json:"refunded"`
}

type MeOrderListReq struct {
	g.Meta `path:"/derp/me/orders/list" method:"get" auth:"login" tags:"DERP" summary:"The caller's own orders (activations, renewals, extends)"`
	common.PageReq
}

type MeOrderListRes struct {
	Items []MeOrderItem `json:"items"`
	Total int           `json:"total"`
}
