// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// RelayGroups is the golang structure for table relay_groups.
type RelayGroups struct {
	Id              int64       `json:"id"              orm:"id"               description:""`
	Code            string      `json:"code"            orm:"code"             description:""`
	Name            string      `json:"name"            orm:"name"             description:""`
	Ratio           string      `json:"ratio"           orm:"ratio"            description:""`
	AgentAssignable int         `json:"agentAssignable" orm:"agent_assignable" description:""`
	Remark          string      `json:"remark"          orm:"remark"           description:""`
	CreatedAt       *gtime.Time `json:"createdAt"       orm:"created_at"       description:""`
	UpdatedAt       *gtime.Time `json:"updatedAt"       orm:"updated_at"       description:""`
}
