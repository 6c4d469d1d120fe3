// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// StatsState is the golang structure for table stats_state.
type StatsState struct {
	K         string      `json:"k"         orm:"k"          description:""`
	V         int64       `json:"v"         orm:"v"          description:""`
	UpdatedAt *gtime.Time `json:"updatedAt" orm:"updated_at" description:""`
}
