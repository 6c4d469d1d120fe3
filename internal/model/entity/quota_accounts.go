// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// QuotaAccounts is the golang structure for table quota_accounts.
type QuotaAccounts struct {
	UserId    int64       `json:"userId"    orm:"user_id"    description:""`
	Available int64       `json:"available" orm:"available"  description:""`
	Frozen    int64       `json:"frozen"    orm:"frozen"     description:""`
	UpdatedAt *gtime.Time `json:"updatedAt" orm:"updated_at" description:""`
}
