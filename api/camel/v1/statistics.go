package v1

import "github.com/gogf/gf/v2/frame/g"

type StatisticsReq struct {
	g.Meta `path:"/camel-oil/statistics" method:"get" tags:"骆驼加油 Camel oil" summary:"The pool by status, today's capacity and orders, and the last 30 days (Asia/Shanghai dates)"`
}

type StatAccounts struct {
	Total    int            `json:"total"`
	ByStatus map[string]int `json:"byStatus"`
}

type StatToday struct {
	Date       string `json:"date"`
	Capacity   int64  `json:"capacity"   dc:"sum of dailyLimit over online and paused_daily accounts"`
	Used       int64  `json:"used"       dc:"sum of today's dailyOrderCount"`
	Remaining  int64  `json:"remaining"  dc:"sum of the room online accounts still have today"`
	Orders     int64  `json:"orders"`
	Paid       int64  `json:"paid"`
	PaidAmount int64  `json:"paidAmount" dc:"fen"`
	Expired    int64  `json:"expired"`
}

type StatDay struct {
	Date       string `json:"date"`
	Orders     int64  `json:"orders"`
	Paid       int64  `json:"paid"`
	PaidAmount int64  `json:"paidAmount"`
}

type StatisticsRes struct {
	Accounts StatAccounts `json:"accounts"`
	Today    StatToday    `json:"today"`
	Days     []StatDay    `json:"days"`
}
