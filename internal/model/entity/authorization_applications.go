// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// AuthorizationApplications is the golang structure for table authorization_applications.
type AuthorizationApplications struct {
	Id              int64       `json:"id"              orm:"id"               description:""`
	ProjectId       int64       `json:"projectId"       orm:"project_id"       description:""`
	ApplicantId     int64       `json:"applicantId"     orm:"applicant_id"     description:""`
	ApproverId      int64       `json:"approverId"      orm:"approver_id"      description:""`
	Reason          string      `json:"reason"          orm:"reason"           description:""`
	Status          string      `json:"status"          orm:"status"           description:""`
	PendingKey      string      `json:"pendingKey"      orm:"pending_key"      description:""`
	Note            string      `json:"note"            orm:"note"             description:""`
	DecidedBy       int64       `json:"decidedBy"       orm:"decided_by"       description:""`
	DecidedAt       *gtime.Time `json:"decidedAt"       orm:"decided_at"       description:""`
	AuthorizationId int64       `json:"authorizationId" orm:"authorization_id" description:""`
	CreatedAt       *gtime.Time `json:"createdAt"       orm:"created_at"       description:""`
	UpdatedAt       *gtime.Time `json:"updatedAt"       orm:"updated_at"       description:""`
}
