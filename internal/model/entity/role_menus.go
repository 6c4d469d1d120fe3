// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

// RoleMenus is the golang structure for table role_menus.
type RoleMenus struct {
	Role   string `json:"role"   orm:"role"    description:""`
	MenuId int64  `json:"menuId" orm:"menu_id" description:""`
}
