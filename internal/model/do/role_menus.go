// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
)

// RoleMenus is the golang structure of table role_menus for DAO operations like Where/Data.
type RoleMenus struct {
	g.Meta `orm:"table:role_menus, do:true"`
	Role   any //
	MenuId any //
}
