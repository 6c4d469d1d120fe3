// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// SystemLogs is the golang structure for table system_logs.
type SystemLogs struct {
	Id        int64       `json:"id"        orm:"id"         description:""`
	Level     string      `json:"level"     orm:"level"      description:""`
	Module    string      `json:"module"    orm:"module"     description:""`
	Message   string      `json:"message"   orm:"message"    description:""`
	TraceId   string      `json:"traceId"   orm:"trace_id"   description:""`
	Node      string      `json:"node"      orm:"node"       description:""`
	CreatedAt *gtime.Time `json:"createdAt" orm:"created_at" description:""`
}
