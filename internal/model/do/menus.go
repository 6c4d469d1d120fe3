// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// Menus is the golang structure of table menus for DAO operations like Where/Data.
type Menus struct {
	g.Meta     `orm:"table:menus, do:true"`
	Id         any         //
	ParentId   any         //
	Type       any         //
	Name       any         //
	Path       any         //
	Component  any         //
	Redirect   any         //
	Title      any         //
	Icon       any         //
	Sort       any         //
	AuthCode   any         //
	Apis       any         //
	HideInMenu any         //
	Status     any         //
	CreatedAt  *gtime.Time //
	UpdatedAt  *gtime.Time //
}
