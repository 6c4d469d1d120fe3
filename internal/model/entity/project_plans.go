// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// ProjectPlans is the golang structure for table project_plans.
type ProjectPlans struct {
	Id              int64       `json:"id"              orm:"id"               description:""`
	ProjectId       int64       `json:"projectId"       orm:"project_id"       description:""`
	Name            string      `json:"name"            orm:"name"             description:""`
	DurationSeconds int64       `json:"durationSeconds" orm:"duration_seconds" description:""`
	Price           int64       `json:"price"           orm:"price"            description:""`
	MaxDevices      int         `json:"maxDevices"      orm:"max_devices"      description:""`
	Status          string      `json:"status"          orm:"status"           description:""`
	Sort            int         `json:"sort"            orm:"sort"             description:""`
	CreatedAt       *gtime.Time `json:"createdAt"       orm:"created_at"       description:""`
	UpdatedAt       *gtime.Time `json:"updatedAt"       orm:"updated_at"       description:""`
}
