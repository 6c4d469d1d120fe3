package v1

import "github.com/gogf/gf/v2/frame/g"

// OrderView is §2's Order; upstreamOrderNo, upstreamStatus and costAmount reach S only.
type OrderView struct {
	Id              int64    `json:"id"`
	AppOrderNo      string   `json:"appOrderNo"`
	Kind            string   `json:"kind"   dc:"dynamic, static, static_assign, renew, release"`
	Status          string   `json:"status" dc:"submitting, unknown, processing, success, partial, failed"`
	AgentId         int64    `json:"agentId"`
	UserId          int64    `json:"userId"`
	ProductNo       string   `json:"productNo"`
	Quantity        int      `json:"quantity"   dc:"GB or instances"`
	CycleTimes      int      `json:"cycleTimes"`
	UnitPrice       int64    `json:"unitPrice"`
	SaleAmount      int64    `json:"saleAmount"`
	ChargedAmount   int64    `json:"chargedAmount"`
	RefundAmount    int64    `json:"refundAmount"`
	SuccessCount    int      `json:"successCount"`
	LastError       string   `json:"lastError"`
	CreatedAt       string   `json:"createdAt"`
	FinishedAt      *string  `json:"finishedAt"`
	Instances       []string `json:"instances"`
	UpstreamOrderNo *string  `json:"upstreamOrderNo,omitempty"`
	UpstreamStatus  *int     `json:"upstreamStatus,omitempty"`
	CostAmount      *int64   `json:"costAmount,omitempty"`
}

type StaticOrderReq struct {
	g.Meta     `path:"/proxy/orders/static" method:"post" tags:"代理 Proxy" summary:"Open static IPs by product: price × count × cycles reserved before the upstream call (Idempotency-Key honoured)" idempotent:"true"`
	ProductNo  string `json:"productNo"  v:"required|max-length:64"`
	Count      int    `json:"count"      v:"required|between:1,20"`
	CycleTimes int    `json:"cycleTimes" v:"required|between:1,12"`
	UserId     int64  `json:"userId"     v:"min:0"`
	AutoRenew  bool   `json:"autoRenew"`
}

type StaticOrderRes = OrderView

type OrderGetReq struct {
	g.Meta `path:"/proxy/orders/{id}" method:"get" tags:"代理 Proxy" summary:"One order (404 outside the caller's scope)"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
}

type OrderGetRes = OrderView

type OrderRefreshReq struct {
	g.Meta `path:"/proxy/orders/{id}/refresh" method:"post" tags:"代理 Proxy" summary:"Re-query the order upstream now and apply its state"`
	Id     int64 `json:"id" in:"path" v:"required|min:1"`
}

type OrderRefreshRes = OrderView

type DynamicOrderReq struct {
	g.Meta    `path:"/proxy/orders/dynamic" method:"post" tags:"代理 Proxy" summary:"Buy dynamic flow: price × GB reserved, flow = GB × base MB on the main account; a user's limit grows at success (Idempotency-Key honoured)" idempotent:"true"`
	ProductNo string `json:"productNo" v:"required|max-length:64"`
	FlowGb    int    `json:"flowGb"    v:"required|between:1,1000"`
	UserId    int64  `json:"userId"    v:"min:0"`
}

type DynamicOrderRes = OrderView
