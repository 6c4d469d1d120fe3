// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// StatsDays is the golang structure for table stats_days.
type StatsDays struct {
	Day         string      `json:"day"         orm:"day"          description:""`
	Frozen      int         `json:"frozen"      orm:"frozen"       description:""`
	RefreshedAt *gtime.Time `json:"refreshedAt" orm:"refreshed_at" description:""`
}
