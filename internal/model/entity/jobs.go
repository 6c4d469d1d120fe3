// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// Jobs is the golang structure for table jobs.
type Jobs struct {
	Name        string      `json:"name"        orm:"name"        description:""`
	Description string      `json:"description" orm:"description" description:""`
	Schedule    string      `json:"schedule"    orm:"schedule"    description:""`
	Enabled     int         `json:"enabled"     orm:"enabled"     description:""`
	UpdatedBy   int64       `json:"updatedBy"   orm:"updated_by"  description:""`
	CreatedAt   *gtime.Time `json:"createdAt"   orm:"created_at"  description:""`
	UpdatedAt   *gtime.Time `json:"updatedAt"   orm:"updated_at"  description:""`
}
