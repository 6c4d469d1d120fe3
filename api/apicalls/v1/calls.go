package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// A project's OpenAPI call log, for the super-admin troubleshooting an integration: how many
// calls of each endpoint ended with each result per day, and the last refused calls in detail.
// Days are calendar days in kami.timeZone (Asia/Shanghai by default).

type CallListReq struct {
	g.Meta   `path:"/projects/{id}/calls/list" method:"get" tags:"项目 Projects" summary:"A project's OpenAPI calls per day, endpoint and result between two days (today's included, up to the last second), with the sum per result"`
	Id       int64  `json:"id"       in:"path" v:"min:1"`
	From     string `json:"from"     v:"max-length:10" dc:"first day, YYYY-MM-DD; absent: 29 days before to"`
	To       string `json:"to"       v:"max-length:10" dc:"last day, YYYY-MM-DD, at most 366 days after from; absent: today"`
	Endpoint string `json:"endpoint" v:"in:verify,query,unbind,keys" dc:"one endpoint only"`
	Result   string `json:"result"   v:"max-length:32" dc:"one result only: VALID, EXPIRED, UNBOUND, OK, SIGNATURE_INVALID, RATE_LIMITED, ..."`
}

// CallItem is the number of calls of one endpoint with one result on one day.
type CallItem struct {
	Day      string `json:"day"      dc:"YYYY-MM-DD"`
	Endpoint string `json:"endpoint" dc:"verify, query, unbind or keys"`
	Result   string `json:"result"   dc:"a verification or unbind result, OK, or the machine code of a refused call"`
	Calls    int64  `json:"calls"`
}

// CallTotal is the number of calls with one result over the whole range.
type CallTotal struct {
	Result string `json:"result"`
	Calls  int64  `json:"calls"`
}

type CallListRes struct {
	From   string      `json:"from"   dc:"the first day answered"`
	To     string      `json:"to"     dc:"the last day answered"`
	Items  []CallItem  `json:"items"  dc:"by day, then endpoint, then result"`
	Totals []CallTotal `json:"totals" dc:"per result, most calls first"`
	Calls  int64       `json:"calls"  dc:"all calls of the range"`
}

type FailureListReq struct {
	g.Meta `path:"/projects/{id}/failures/list" method:"get" tags:"项目 Projects" summary:"A project's last refused OpenAPI calls (the newest openapi.failureLog are kept), newest first; sortBy: id, createdAt"`
	common.PageReq
	Id       int64  `json:"id"       in:"path" v:"min:1"`
	Endpoint string `json:"endpoint" v:"in:verify,query,unbind,keys"`
	Error    string `json:"error"    v:"max-length:32" dc:"one machine code only, e.g. SIGNATURE_INVALID"`
}

// FailureItem is one refused call.
type FailureItem struct {
	Id          int64  `json:"id"`
	Endpoint    string `json:"endpoint"`
	Error       string `json:"error"       dc:"the machine code answered"`
	HttpStatus  int    `json:"httpStatus"`
	Detail      string `json:"detail"      dc:"why, e.g. timestamp 1700000000 is 400 s from server time"`
	Ip          string `json:"ip"          dc:"the caller's address"`
	Nonce       string `json:"nonce"       dc:"X-Kami-Nonce as sent"`
	RequestTime int64  `json:"requestTime" dc:"X-Kami-Timestamp as sent, unix seconds; 0 when absent"`
	CreatedAt   string `json:"createdAt"   dc:"when the call was refused"`
}

type FailureListRes struct {
	Items []FailureItem `json:"items"`
	Total int           `json:"total"`
}
