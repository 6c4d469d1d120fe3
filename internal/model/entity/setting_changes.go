// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// SettingChanges is the golang structure for table setting_changes.
type SettingChanges struct {
	Id         int64       `json:"id"         orm:"id"          description:""`
	K          string      `json:"k"          orm:"k"           description:""`
	OldValue   string      `json:"oldValue"   orm:"old_value"   description:""`
	NewValue   string      `json:"newValue"   orm:"new_value"   description:""`
	OperatorId int64       `json:"operatorId" orm:"operator_id" description:""`
	Operator   string      `json:"operator"   orm:"operator"    description:""`
	CreatedAt  *gtime.Time `json:"createdAt"  orm:"created_at"  description:""`
}
