// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// OperationLogs is the golang structure of table operation_logs for DAO operations like Where/Data.
type OperationLogs struct {
	g.Meta    `orm:"table:operation_logs, do:true"`
	Id        any         //
	UserId    any         //
	Username  any         //
	Module    any         //
	Route     any         //
	Method    any         //
	Path      any         //
	Status    any         //
	Code      any         //
	LatencyMs any         //
	TraceId   any         //
	Ip        any         //
	UserAgent any         //
	Request   any         //
	Error     any         //
	CreatedAt *gtime.Time //
}
