// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// SecurityAlerts is the golang structure of table security_alerts for DAO operations like Where/Data.
type SecurityAlerts struct {
	g.Meta     `orm:"table:security_alerts, do:true"`
	Id         any         //
	CheckName  any         //
	OpenKey    any         //
	Status     any         //
	Severity   any         //
	Message    any         //
	FirstSeen  *gtime.Time //
	LastSeen   *gtime.Time //
	Count      any         //
	ResolvedAt *gtime.Time //
}
