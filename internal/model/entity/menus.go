// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// Menus is the golang structure for table menus.
type Menus struct {
	Id         int64       `json:"id"         orm:"id"           description:""`
	ParentId   int64       `json:"parentId"   orm:"parent_id"    description:""`
	Type       string      `json:"type"       orm:"type"         description:""`
	Name       string      `json:"name"       orm:"name"         description:""`
	Path       string      `json:"path"       orm:"path"         description:""`
	Component  string      `json:"component"  orm:"component"    description:""`
	Redirect   string      `json:"redirect"   orm:"redirect"     description:""`
	Title      string      `json:"title"      orm:"title"        description:""`
	Icon       string      `json:"icon"       orm:"icon"         description:""`
	Sort       int         `json:"sort"       orm:"sort"         description:""`
	AuthCode   string      `json:"authCode"   orm:"auth_code"    description:""`
	Apis       string      `json:"apis"       orm:"apis"         description:""`
	HideInMenu int         `json:"hideInMenu" orm:"hide_in_menu" description:""`
	Status     int         `json:"status"     orm:"status"       description:""`
	CreatedAt  *gtime.Time `json:"createdAt"  orm:"created_at"   description:""`
	UpdatedAt  *gtime.Time `json:"updatedAt"  orm:"updated_at"   description:""`
}
