// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// Authorizations is the golang structure for table authorizations.
type Authorizations struct {
	Id            int64       `json:"id"            orm:"id"             description:""`
	ProjectId     int64       `json:"projectId"     orm:"project_id"     description:""`
	UserId        int64       `json:"userId"        orm:"user_id"        description:""`
	GrantedBy     int64       `json:"grantedBy"     orm:"granted_by"     description:""`
	Source        string      `json:"source"        orm:"source"         description:""`
	ApplicationId int64       `json:"applicationId" orm:"application_id" description:""`
	Status        string      `json:"status"        orm:"status"         description:""`
	ActiveKey     string      `json:"activeKey"     orm:"active_key"     description:""`
	ExpiresAt     *gtime.Time `json:"expiresAt"     orm:"expires_at"     description:""`
	WarnedAt      *gtime.Time `json:"warnedAt"      orm:"warned_at"      description:""`
	EndedAt       *gtime.Time `json:"endedAt"       orm:"ended_at"       description:""`
	EndedBy       int64       `json:"endedBy"       orm:"ended_by"       description:""`
	CreatedAt     *gtime.Time `json:"createdAt"     orm:"created_at"     description:""`
	UpdatedAt     *gtime.Time `json:"updatedAt"     orm:"updated_at"     description:""`
}
