package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// Operation and login logs, scoped by role: the super-admin sees every row, an agent-admin the
// rows of itself and its agents. Exports contain the whole filtered set, not one page.

// OperationLogFilter selects operation log rows; every field is optional.
type OperationLogFilter struct {
	From     string `json:"from"     v:"max-length:40"                      dc:"RFC 3339; rows at or after it"`
	To       string `json:"to"       v:"max-length:40"                      dc:"RFC 3339; rows before it"`
	UserID   int64  `json:"userId"   v:"min:0"                              dc:"acting user id"`
	Username string `json:"username" v:"max-length:64"                      dc:"acting username contains this"`
	Module   string `json:"module"   v:"max-length:64"                      dc:"first path segment after /api, e.g. system"`
	Method   string `json:"method"   v:"max-length:10"                      dc:"HTTP method, e.g. POST"`
	Status   int    `json:"status"   v:"min:0|max:599"                      dc:"HTTP status"`
	Result   *int   `json:"result"   v:"in:0,1"                             dc:"1 succeeded (status < 400), 0 failed"`
}

type OperationLogListReq struct {
	g.Meta `path:"/system/log/operation/list" method:"get" tags:"日志 Logs" summary:"Operation log (state-changing requests), scoped by role"`
	common.PageReq
	OperationLogFilter
}

type OperationLogListRes struct {
	Items []OperationLogItem `json:"items"`
	Total int                `json:"total"`
}

type OperationLogItem struct {
	ID        int64  `json:"id"`
	UserID    int64  `json:"userId"`
	Username  string `json:"username"`
	Module    string `json:"module"`
	Route     string `json:"route"`
	Method    string `json:"method"`
	Path      string `json:"path"`
	Status    int    `json:"status"`
	Code      int    `json:"code"`
	LatencyMs int    `json:"latencyMs"`
	TraceID   string `json:"traceId"`
	IP        string `json:"ip"`
	UserAgent string `json:"userAgent"`
	Request   string `json:"request"`
	Error     string `json:"error"`
	CreatedAt string `json:"createdAt"`
}

type OperationLogExportReq struct {
	g.Meta `path:"/system/log/operation/export" method:"get" tags:"日志 Logs" summary:"Download the filtered operation log as .xlsx" mime:"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"`
	OperationLogFilter
}

type OperationLogExportRes struct{}

// LoginLogFilter selects login log rows; every field is optional.
type LoginLogFilter struct {
	From     string `json:"from"     v:"max-length:40" dc:"RFC 3339; rows at or after it"`
	To       string `json:"to"       v:"max-length:40" dc:"RFC 3339; rows before it"`
	UserID   int64  `json:"userId"   v:"min:0"         dc:"user id"`
	Username string `json:"username" v:"max-length:64" dc:"attempted username contains this"`
	IP       string `json:"ip"       v:"max-length:64" dc:"source IP"`
	Result   *int   `json:"result"   v:"in:0,1"        dc:"1 success, 0 failure"`
}

type LoginLogListReq struct {
	g.Meta `path:"/system/log/login/list" method:"get" tags:"日志 Logs" summary:"Login log, scoped by role"`
	common.PageReq
	LoginLogFilter
}

type LoginLogListRes struct {
	Items []LoginLogItem `json:"items"`
	Total int            `json:"total"`
}

type LoginLogItem struct {
	ID        int64  `json:"id"`
	UserID    int64  `json:"userId"`
	Username  string `json:"username"`
	IP        string `json:"ip"`
	Location  string `json:"location"  dc:"where the address is (offline GeoIP database): \"中国 广东 深圳\", \"内网/LAN\" or \"unknown\""`
	UserAgent string `json:"userAgent"`
	Result    int    `json:"result"`
	Reason    string `json:"reason"`
	CreatedAt string `json:"createdAt"`
}

type LoginLogExportReq struct {
	g.Meta `path:"/system/log/login/export" method:"get" tags:"日志 Logs" summary:"Download the filtered login log as .xlsx" mime:"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"`
	LoginLogFilter
}

type LoginLogExportRes struct{}
