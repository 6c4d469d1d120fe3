package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// OrderItem is one top-up order. status: pending (waiting for the payment), paid (the quota was
// credited), closed (unpaid past its timeout), refunded (the quota went back).
type OrderItem struct {
	Id         int64   `json:"id"`
	UserId     int64   `json:"userId"`
	Username   string  `json:"username"`
	Channel    string  `json:"channel"    dc:"alipay or wechat"`
	OutTradeNo string  `json:"outTradeNo" dc:"our order number, sent to the provider"`
	TradeNo    string  `json:"tradeNo"    dc:"the provider's trade number, once paid"`
	Amount     int64   `json:"amount"     dc:"units charged and credited"`
	Status     string  `json:"status"     dc:"pending, paid, closed, refunding (quota taken back, the provider's refund not confirmed) or refunded"`
	PayUrl     string  `json:"payUrl"     dc:"the page to pay on, or the QR code's content"`
	PaidAt     *string `json:"paidAt"`
	ClosedAt   *string `json:"closedAt"`
	RefundedAt *string `json:"refundedAt"`
	ExpiresAt  string  `json:"expiresAt"`
	CreatedAt  string  `json:"createdAt"`
}

// LogItem is one step of an order: created, notify, query, paid, close, refund.
type LogItem struct {
	Id        int64  `json:"id"`
	Step      string `json:"step"`
	Result    string `json:"result" dc:"ok, refused, duplicate, pending or failed"`
	Detail    string `json:"detail"`
	CreatedAt string `json:"createdAt"`
}

type TopupReq struct {
	g.Meta `path:"/payment/topup" method:"get" tags:"支付 Payment" summary:"The top-up page's data: the channels enabled and the amount limits (units)"`
}

type TopupRes struct {
	Channels  []string `json:"channels"`
	MinAmount int64    `json:"minAmount"`
	MaxAmount int64    `json:"maxAmount"`
}

type OrderCreateReq struct {
	g.Meta  `path:"/payment/orders" method:"post" tags:"支付 Payment" summary:"Start a top-up: a payment order and the URL or QR content to pay it" idempotent:"true"`
	Channel string `json:"channel" v:"required|in:alipay,wechat" dc:"alipay or wechat"`
	Amount  int64  `json:"amount"  v:"required|min:1|max:100000000000" dc:"units, within payment.minAmount..payment.maxAmount"`
}

type OrderCreateRes struct {
	OrderItem
}

type OrderListReq struct {
	g.Meta `path:"/payment/orders/list" method:"get" tags:"支付 Payment" summary:"Top-up orders in the caller's scope; sortBy: id, amount, createdAt"`
	common.PageReq
	Status  string `json:"status"  v:"in:pending,paid,closed,refunding,refunded" dc:"exact status"`
	Channel string `json:"channel" v:"in:alipay,wechat"               dc:"exact channel"`
	UserId  int64  `json:"userId"  v:"min:0"                          dc:"payer"`
}

type OrderListRes struct {
	Items []OrderItem `json:"items"`
	Total int         `json:"total"`
}

type OrderGetReq struct {
	g.Meta `path:"/payment/orders/{id}" method:"get" tags:"支付 Payment" summary:"One order in the caller's scope, with its payment log"`
	Id     int64 `json:"id" in:"path" v:"min:1"`
}

type OrderGetRes struct {
	OrderItem
	Logs []LogItem `json:"logs"`
}

type OrderQueryReq struct {
	g.Meta `path:"/payment/orders/{id}/query" method:"post" tags:"支付 Payment" summary:"Ask the provider about a pending order now; a payment it reports credits the quota as a notify would"`
	Id     int64 `json:"id" in:"path" v:"min:1"`
}

type OrderQueryRes struct {
	OrderItem
}

type OrderRefundReq struct {
	g.Meta `path:"/payment/orders/{id}/refund" method:"post" tags:"支付 Payment" summary:"Refund a paid top-up the payer has not spent: the quota goes back through the ledger, then the provider refunds" idempotent:"true"`
	Id     int64  `json:"id"     in:"path" v:"min:1"`
	Reason string `json:"reason" v:"max-length:255"`
}

type OrderRefundRes struct {
	OrderItem
}

// NotifyReq is the provider's asynchronous notification; its body is the provider's own format
// (a form for Alipay, JSON for WeChat Pay), read raw and verified by the channel's adapter.
type NotifyReq struct {
	g.Meta  `path:"/payment/notify/{channel}" method:"post" tags:"支付 Payment" summary:"The payment provider's asynchronous notification (signed by the provider); answered in the provider's format" auth:"public" raw:"true" strict:"off"`
	Channel string `json:"channel" in:"path" v:"required|in:alipay,wechat"`
}

type NotifyRes struct{}
