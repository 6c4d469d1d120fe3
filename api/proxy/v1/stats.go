package v1

import "github.com/gogf/gf/v2/frame/g"

type OrderStatsReq struct {
	g.Meta  `path:"/proxy/stats/orders" method:"get" tags:"代理 Proxy" summary:"Order totals in the caller's scope over at most 93 days, grouped by day, agent, product or kind"`
	From    string `json:"from"    v:"required|date-format:Y-m-d" dc:"first day, YYYY-MM-DD (kami.timeZone)"`
	To      string `json:"to"      v:"required|date-format:Y-m-d" dc:"last day, inclusive"`
	GroupBy string `json:"groupBy" v:"required|in:day,agent,product,kind"`
}

// OrderStatsRow is one group; costAmount reaches the super-admin only.
type OrderStatsRow struct {
	Key           string `json:"key"`
	Orders        int    `json:"orders"`
	Success       int    `json:"success" dc:"success or partial"`
	SaleAmount    int64  `json:"saleAmount"`
	ChargedAmount int64  `json:"chargedAmount"`
	FlowBytes     int64  `json:"flowBytes"`
	Instances     int    `json:"instances"`
	CostAmount    *int64 `json:"costAmount,omitempty"`
}

type OrderStatsRes struct {
	Items []OrderStatsRow `json:"items"`
	Total int             `json:"total"`
}
