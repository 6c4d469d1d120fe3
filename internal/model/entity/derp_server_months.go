// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// DerpServerMonths is the golang structure for table derp_server_months.
type DerpServerMonths struct {
	ServerId  int64       `json:"serverId"  orm:"server_id"  description:""`
	Month     string      `json:"month"     orm:"month"      description:""`
	UsedBytes int64       `json:"usedBytes" orm:"used_bytes" description:""`
	CreatedAt *gtime.Time `json:"createdAt" orm:"created_at" description:""`
	UpdatedAt *gtime.Time `json:"updatedAt" orm:"updated_at" description:""`
}
