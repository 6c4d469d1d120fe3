package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// The system log: warnings and errors of the service and its jobs, from every node, for the
// super-admin (seed 001 §6.3). Rows are written in batches, so one can appear a second or so
// after it was logged.

// SystemLogFilter selects system log rows; every field is optional.
type SystemLogFilter struct {
	From   string `json:"from"   v:"max-length:40"                   dc:"RFC 3339; rows at or after it"`
	To     string `json:"to"     v:"max-length:40"                   dc:"RFC 3339; rows before it"`
	Level  string `json:"level"  v:"in:info,warning,error,critical"  dc:"only this level (info: operations events such as backups and restores)"`
	Module string `json:"module" v:"max-length:64"                   dc:"the module that logged it (the message's \"<module>: \" prefix), e.g. settings"`
	Node   string `json:"node"   v:"max-length:64"                   dc:"kami.nodeId of the node that logged it"`
}

type SystemLogListReq struct {
	g.Meta `path:"/system/log/system/list" method:"get" tags:"日志 Logs" summary:"System log (warnings and errors of every node and job), newest first; sortBy: id, createdAt, level, module"`
	common.PageReq
	SystemLogFilter
}

type SystemLogListRes struct {
	Items []SystemLogItem `json:"items"`
	Total int             `json:"total"`
}

type SystemLogItem struct {
	ID        int64  `json:"id"`
	Level     string `json:"level"   dc:"info, warning, error or critical"`
	Module    string `json:"module"`
	Message   string `json:"message"`
	TraceID   string `json:"traceId" dc:"the request or job run it happened in"`
	Node      string `json:"node"`
	CreatedAt string `json:"createdAt"`
}

type SystemLogExportReq struct {
	g.Meta `path:"/system/log/system/export" method:"get" tags:"日志 Logs" summary:"Download the filtered system log as .xlsx" mime:"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"`
	SystemLogFilter
}

type SystemLogExportRes struct{}
