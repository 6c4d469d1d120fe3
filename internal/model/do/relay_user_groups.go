// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// RelayUserGroups is the golang structure of table relay_user_groups for DAO operations like Where/Data.
type RelayUserGroups struct {
	g.Meta    `orm:"table:relay_user_groups, do:true"`
	UserId    any         //
	GroupCode any         //
	UpdatedAt *gtime.Time //
}
