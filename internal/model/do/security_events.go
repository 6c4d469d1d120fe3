// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// SecurityEvents is the golang structure of table security_events for DAO operations like Where/Data.
type SecurityEvents struct {
	g.Meta    `orm:"table:security_events, do:true"`
	Id        any         //
	UserId    any         //
	Username  any         //
	Kind      any         //
	Severity  any         //
	Measure   any         //
	Ip        any         //
	Location  any         //
	Detail    any         //
	CreatedAt *gtime.Time //
}
