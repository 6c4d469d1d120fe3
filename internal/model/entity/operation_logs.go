// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// OperationLogs is the golang structure for table operation_logs.
type OperationLogs struct {
	Id        int64       `json:"id"        orm:"id"         description:""`
	UserId    int64       `json:"userId"    orm:"user_id"    description:""`
	Username  string      `json:"username"  orm:"username"   description:""`
	Module    string      `json:"module"    orm:"module"     description:""`
	Route     string      `json:"route"     orm:"route"      description:""`
	Method    string      `json:"method"    orm:"method"     description:""`
	Path      string      `json:"path"      orm:"path"       description:""`
	Status    int         `json:"status"    orm:"status"     description:""`
	Code      int         `json:"code"      orm:"code"       description:""`
	LatencyMs int         `json:"latencyMs" orm:"latency_ms" description:""`
	TraceId   string      `json:"traceId"   orm:"trace_id"   description:""`
	Ip        string      `json:"ip"        orm:"ip"         description:""`
	UserAgent string      `json:"userAgent" orm:"user_agent" description:""`
	Request   string      `json:"request"   orm:"request"    description:""`
	Error     string      `json:"error"     orm:"error"      description:""`
	CreatedAt *gtime.Time `json:"createdAt" orm:"created_at" description:""`
}
