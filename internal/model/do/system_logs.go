// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// SystemLogs is the golang structure of table system_logs for DAO operations like Where/Data.
type SystemLogs struct {
	g.Meta    `orm:"table:system_logs, do:true"`
	Id        any         //
	Level     any         //
	Module    any         //
	Message   any         //
	TraceId   any         //
	Node      any         //
	CreatedAt *gtime.Time //
}
