// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// QuotaAlerts is the golang structure of table quota_alerts for DAO operations like Where/Data.
type QuotaAlerts struct {
	g.Meta    `orm:"table:quota_alerts, do:true"`
	Id        any         //
	Kind      any         //
	UserId    any         //
	Bucket    any         //
	Expected  any         //
	Actual    any         //
	CreatedAt *gtime.Time //
}
