// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// RestoreRequests is the golang structure for table restore_requests.
type RestoreRequests struct {
	Id          int64       `json:"id"          orm:"id"           description:""`
	BackupId    int64       `json:"backupId"    orm:"backup_id"    description:""`
	Target      string      `json:"target"      orm:"target"       description:""`
	Reason      string      `json:"reason"      orm:"reason"       description:""`
	Status      string      `json:"status"      orm:"status"       description:""`
	RequestedBy int64       `json:"requestedBy" orm:"requested_by" description:""`
	ApprovedBy  int64       `json:"approvedBy"  orm:"approved_by"  description:""`
	Error       string      `json:"error"       orm:"error"        description:""`
	CreatedAt   *gtime.Time `json:"createdAt"   orm:"created_at"   description:""`
	FinishedAt  *gtime.Time `json:"finishedAt"  orm:"finished_at"  description:""`
}
