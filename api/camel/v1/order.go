package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// Camel oil orders (camel-oil.md §3, §6): platform-wide, super-admin by default.

type OrderItem struct {
	Id              int64   `json:"id"`
	OrderNo         string  `json:"orderNo"`
	MerchantId      int64   `json:"merchantId"`
	MerchantOrderNo string  `json:"merchantOrderNo"`
	AccountId       int64   `json:"accountId"`
	AccountPhone    string  `json:"accountPhone"`
	Amount          int64   `json:"amount"          dc:"fen"`
	Status          string  `json:"status"          dc:"pending_pay, paid or expired"`
	PayUrl          string  `json:"payUrl"`
	PlatformOrderNo string  `json:"platformOrderNo"`
	ExpireAt        *string `json:"expireAt"`
	PaidAt          *string `json:"paidAt"`
	NotifyStatus    string  `json:"notifyStatus"    dc:"pending, delivered or failed: the callback's delivery"`
	NotifyCount     int     `json:"notifyCount"     dc:"callback attempts made"`
	CreatedAt       string  `json:"createdAt"`
}

type OrderFilter struct {
	Status          string `json:"status"          v:"in:pending_pay,paid,expired"`
	MerchantId      int64  `json:"merchantId"      v:"min:0"`
	AccountId       int64  `json:"accountId"       v:"min:0"`
	MerchantOrderNo string `json:"merchantOrderNo" v:"max-length:64"`
	OrderNo         string `json:"orderNo"         v:"max-length:32"`
	From            string `json:"from"            dc:"RFC 3339: created at or after"`
	To              string `json:"to"              dc:"RFC 3339: created before"`
}

type OrderListReq struct {
	g.Meta `path:"/camel-oil/orders/list" method:"get" tags:"骆驼加油 Camel oil" summary:"Orders; sortBy: id, amount, createdAt"`
	common.PageReq
	OrderFilter
}

type OrderListRes struct {
	Items []OrderItem `json:"items"`
	Total int         `json:"total"`
}

type OrderGetReq struct {
	g.Meta `path:"/camel-oil/orders/{id}" method:"get" tags:"骆驼加油 Camel oil" summary:"One order"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
}

type OrderGetRes struct {
	OrderItem
}

type OrderHistoryReq struct {
	g.Meta `path:"/camel-oil/orders/{id}/history" method:"get" tags:"骆驼加油 Camel oil" summary:"An order's status changes, newest first"`
	common.PageReq
	Id int64 `json:"id" in:"path" v:"required|min:1"`
}

type OrderHistoryRes struct {
	Items []HistoryItem `json:"items"`
	Total int           `json:"total"`
}

type OrderRefreshReq struct {
	g.Meta `path:"/camel-oil/orders/{id}/refresh" method:"post" tags:"骆驼加油 Camel oil" summary:"Ask the platform about the order now (as the payment poll would)"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
}

type OrderRefreshRes struct {
	OrderItem
}

type OrderNotifyReq struct {
	g.Meta `path:"/camel-oil/orders/{id}/notify" method:"post" tags:"骆驼加油 Camel oil" summary:"Deliver a paid order's callback again; 409 INVALID_STATE before it is paid"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
}

type OrderNotifyRes struct {
	OrderItem
}

type OrderExportReq struct {
	g.Meta `path:"/camel-oil/orders/export" method:"get" tags:"骆驼加油 Camel oil" summary:"Download the filtered orders as .xlsx or .csv" raw:"true" mime:"application/octet-stream"`
	OrderFilter
	Format string `json:"format" d:"xlsx" v:"in:xlsx,csv"`
}

type OrderExportRes struct{}
