// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// UserSessions is the golang structure for table user_sessions.
type UserSessions struct {
	Id           string      `json:"id"           orm:"id"            description:""`
	UserId       int64       `json:"userId"       orm:"user_id"       description:""`
	RefreshHash  string      `json:"refreshHash"  orm:"refresh_hash"  description:""`
	Ip           string      `json:"ip"           orm:"ip"            description:""`
	UserAgent    string      `json:"userAgent"    orm:"user_agent"    description:""`
	ExpiresAt    *gtime.Time `json:"expiresAt"    orm:"expires_at"    description:""`
	RevokedAt    *gtime.Time `json:"revokedAt"    orm:"revoked_at"    description:""`
	RevokeReason string      `json:"revokeReason" orm:"revoke_reason" description:""`
	LastUsedAt   *gtime.Time `json:"lastUsedAt"   orm:"last_used_at"  description:""`
	CreatedAt    *gtime.Time `json:"createdAt"    orm:"created_at"    description:""`
	PrevHash     string      `json:"prevHash"     orm:"prev_hash"     description:""`
	RotatedAt    *gtime.Time `json:"rotatedAt"    orm:"rotated_at"    description:""`
	Generation   int         `json:"generation"   orm:"generation"    description:""`
}
