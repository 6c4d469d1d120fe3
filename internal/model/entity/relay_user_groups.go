// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// RelayUserGroups is the golang structure for table relay_user_groups.
type RelayUserGroups struct {
	UserId    int64       `json:"userId"    orm:"user_id"    description:""`
	GroupCode string      `json:"groupCode" orm:"group_code" description:""`
	UpdatedAt *gtime.Time `json:"updatedAt" orm:"updated_at" description:""`
}
