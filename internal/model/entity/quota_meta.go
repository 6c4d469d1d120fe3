// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// QuotaMeta is the golang structure for table quota_meta.
type QuotaMeta struct {
	K         string      `json:"k"         orm:"k"          description:""`
	V         int64       `json:"v"         orm:"v"          description:""`
	CreatedAt *gtime.Time `json:"createdAt" orm:"created_at" description:""`
}
