// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpHostOps is the golang structure for table derp_host_ops.
type DerpHostOps struct {
	Id          int64       `json:"id"          orm:"id"           description:""`
	ServerId    int64       `json:"serverId"    orm:"server_id"    description:""`
	ContainerId int64       `json:"containerId" orm:"container_id" description:""`
	Op          string      `json:"op"          orm:"op"           description:""`
	TargetGen   int         `json:"targetGen"   orm:"target_gen"   description:""`
	State       string      `json:"state"       orm:"state"        description:""`
	Attempts    int         `json:"attempts"    orm:"attempts"     description:""`
	NextRunAt   *gtime.Time `json:"nextRunAt"   orm:"next_run_at"  description:""`
	LeaseOwner  string      `json:"leaseOwner"  orm:"lease_owner"  description:""`
	LeaseUntil  *gtime.Time `json:"leaseUntil"  orm:"lease_until"  description:""`
	LastError   string      `json:"lastError"   orm:"last_error"   description:""`
	CreatedAt   *gtime.Time `json:"createdAt"   orm:"created_at"   description:""`
	UpdatedAt   *gtime.Time `json:"updatedAt"   orm:"updated_at"   description:""`
}
