package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// SyncLogItem is one job run (proxy_sync_log).
type SyncLogItem struct {
	Id         int64   `json:"id"`
	Job        string  `json:"job"`
	Status     string  `json:"status"`
	Counts     string  `json:"counts" dc:"JSON"`
	Error      string  `json:"error"`
	StartedAt  *string `json:"startedAt"`
	FinishedAt *string `json:"finishedAt"`
}

type SyncLogListReq struct {
	g.Meta `path:"/proxy/sync-logs/list" method:"get" tags:"代理 Proxy" summary:"Proxy job runs with their counts (super-admin)"`
	common.PageReq
	Job    string `json:"job"    v:"max-length:32"`
	Status string `json:"status" v:"in:ok,failed,"`
}

type SyncLogListRes struct {
	Items []SyncLogItem `json:"items"`
	Total int           `json:"total"`
}

// CallbackLogItem is one received callback (proxy_callback_log).
type CallbackLogItem struct {
	Id          int64   `json:"id"`
	Type        string  `json:"type"`
	RefNo       string  `json:"refNo"`
	Op          string  `json:"op"`
	Ip          string  `json:"ip"`
	Query       string  `json:"query"`
	Status      string  `json:"status"`
	Attempts    int     `json:"attempts"`
	LastError   string  `json:"lastError"`
	CreatedAt   *string `json:"createdAt"`
	ProcessedAt *string `json:"processedAt"`
}

type CallbackLogListReq struct {
	g.Meta `path:"/proxy/callback-logs/list" method:"get" tags:"代理 Proxy" summary:"Received IPIPV callbacks (super-admin)"`
	common.PageReq
	Status string `json:"status" v:"in:pending,done,ignored,failed,"`
	RefNo  string `json:"refNo"  v:"max-length:64"`
}

type CallbackLogListRes struct {
	Items []CallbackLogItem `json:"items"`
	Total int               `json:"total"`
}

// CallLogItem is one upstream call (proxy_call_log).
type CallLogItem struct {
	Id         int64   `json:"id"`
	Path       string  `json:"path"`
	ReqId      string  `json:"reqId"`
	AppOrderNo string  `json:"appOrderNo"`
	Ms         int     `json:"ms"`
	HttpStatus int     `json:"httpStatus"`
	Code       int     `json:"code"`
	Msg        string  `json:"msg"`
	CreatedAt  *string `json:"createdAt"`
}

type CallLogListReq struct {
	g.Meta `path:"/proxy/call-logs/list" method:"get" tags:"代理 Proxy" summary:"Upstream calls (super-admin)"`
	common.PageReq
	Path       string `json:"path"       v:"max-length:64"`
	AppOrderNo string `json:"appOrderNo" v:"max-length:32"`
}

type CallLogListRes struct {
	Items []CallLogItem `json:"items"`
	Total int           `json:"total"`
}

// DiscrepancyItem is one consistency finding.
type DiscrepancyItem struct {
	Id         int64   `json:"id"`
	Kind       string  `json:"kind"`
	Subject    string  `json:"subject"`
	Detail     string  `json:"detail" dc:"JSON"`
	Status     string  `json:"status" dc:"fixed, needs_decision, resolved"`
	Resolution string  `json:"resolution"`
	Remark     string  `json:"remark"`
	ResolvedBy int64   `json:"resolvedBy"`
	CreatedAt  *string `json:"createdAt"`
	ResolvedAt *string `json:"resolvedAt"`
}

type DiscrepancyListReq struct {
	g.Meta `path:"/proxy/discrepancies/list" method:"get" tags:"代理 Proxy" summary:"Consistency findings (super-admin)"`
	common.PageReq
	Status string `json:"status" v:"in:fixed,needs_decision,resolved,report,"`
	Kind   string `json:"kind"   v:"max-length:32"`
}

type DiscrepancyListRes struct {
	Items []DiscrepancyItem `json:"items"`
	Total int               `json:"total"`
}

type DiscrepancyResolveReq struct {
	g.Meta `path:"/proxy/discrepancies/{id}/resolve" method:"post" tags:"代理 Proxy" summary:"Decide a finding: charge (debit the agent the amount in its detail), waive or ignore; only needs_decision rows (else 409 INVALID_STATE)"`
	Id     int64  `json:"id"     in:"path" v:"required|min:1"`
	Action string `json:"action" v:"required|in:charge,waive,ignore"`
	Remark string `json:"remark" v:"max-length:255"`
}

type DiscrepancyResolveRes = DiscrepancyItem
