package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// OrderItem is a DERP order; a completed serial purchase's answer carries its codes once.
type OrderItem struct {
	Id            int64    `json:"id"`
	OrderNo       string   `json:"orderNo"`
	Kind          string   `json:"kind"`
	BuyerId       int64    `json:"buyerId"`
	DistributorId int64    `json:"distributorId"`
	PlanId        int64    `json:"planId"`
	Count         int      `json:"count"`
	ListPrice     int64    `json:"listPrice"`
	DiscountBps   int      `json:"discountBps"`
	UnitPrice     int64    `json:"unitPrice"`
	Amount        int64    `json:"amount"`
	PayMethod     string   `json:"payMethod"`
	Status        string   `json:"status"`
	Remark        string   `json:"remark"`
	ReviewReason  string   `json:"reviewReason"`
	BatchId       *int64   `json:"batchId"`
	RentalId      *int64   `json:"rentalId,omitempty"`
	CreatedAt     string   `json:"createdAt"`
	CompletedAt   *string  `json:"completedAt"`
	Codes         []string `json:"codes,omitempty"`
}

type SerialOrderCreateReq struct {
	g.Meta    `path:"/derp/serial-orders" method:"post" tags:"DERP" summary:"A distributor buys serials at its tier's discount: balance is debited and issued at once, offline waits for review (Idempotency-Key honoured)" idempotent:"true"`
	PlanId    int64  `json:"planId"    v:"required|min:1"`
	Count     int    `json:"count"     v:"required|between:1,500"`
	PayMethod string `json:"payMethod" v:"required|in:balance,offline"`
	Remark    string `json:"remark"    v:"max-length:255"`
}

type SerialOrderCreateRes = OrderItem

type SerialOrderListReq struct {
	g.Meta `path:"/derp/serial-orders/list" method:"get" tags:"DERP" summary:"Serial orders in the caller's scope"`
	common.PageReq
	Status        string `json:"status"        v:"in:pending_review,completed,rejected,cancelled,refunded"`
	DistributorId int64  `json:"distributorId" v:"min:0"`
}

type SerialOrderListRes struct {
	Items []OrderItem `json:"items"`
	Total int         `json:"total"`
}

type SerialOrderApproveReq struct {
	g.Meta `path:"/derp/serial-orders/{id}/approve" method:"put" tags:"DERP" summary:"Record an offline order's receipt and issue its serials (S)"`
	Id     int64  `json:"id"     in:"path" v:"required|min:1"`
	Amount *int64 `json:"amount" v:"min:0" dc:"what was received; absent: the computed amount; 0: a free grant"`
}

type SerialOrderApproveRes = OrderItem

type SerialOrderRejectReq struct {
	g.Meta `path:"/derp/serial-orders/{id}/reject" method:"put" tags:"DERP" summary:"Refuse a pending offline order (S)"`
	Id     int64  `json:"id"     in:"path" v:"required|min:1"`
	Reason string `json:"reason" v:"required|max-length:255"`
}

type SerialOrderRejectRes = OrderItem

type SerialOrderCancelReq struct {
	g.Meta `path:"/derp/serial-orders/{id}/cancel" method:"put" tags:"DERP" summary:"The buyer withdraws its pending offline order"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
}

type SerialOrderCancelRes = OrderItem
