// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// RelayGroups is the golang structure of table relay_groups for DAO operations like Where/Data.
type RelayGroups struct {
	g.Meta          `orm:"table:relay_groups, do:true"`
	Id              any         //
	Code            any         //
	Name            any         //
	Ratio           any         //
	AgentAssignable any         //
	Remark          any         //
	CreatedAt       *gtime.Time //
	UpdatedAt       *gtime.Time //
}
