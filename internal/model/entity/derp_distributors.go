// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpDistributors is the golang structure for table derp_distributors.
type DerpDistributors struct {
	UserId     int64       `json:"userId"     orm:"user_id"     description:""`
	Tier       string      `json:"tier"       orm:"tier"        description:""`
	InviteCode string      `json:"inviteCode" orm:"invite_code" description:""`
	Status     string      `json:"status"     orm:"status"      description:""`
	CreatedAt  *gtime.Time `json:"createdAt"  orm:"created_at"  description:""`
	UpdatedAt  *gtime.Time `json:"updatedAt"  orm:"updated_at"  description:""`
}
