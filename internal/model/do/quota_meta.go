// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// QuotaMeta is the golang structure of table quota_meta for DAO operations like Where/Data.
type QuotaMeta struct {
	g.Meta    `orm:"table:quota_meta, do:true"`
	K         any         //
	V         any         //
	CreatedAt *gtime.Time //
}
