// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// ProxySyncLog is the golang structure for table proxy_sync_log.
type ProxySyncLog struct {
	Id         int64       `json:"id"         orm:"id"          description:""`
	Job        string      `json:"job"        orm:"job"         description:""`
	Status     string      `json:"status"     orm:"status"      description:""`
	Counts     string      `json:"counts"     orm:"counts"      description:""`
	Error      string      `json:"error"      orm:"error"       description:""`
	StartedAt  *gtime.Time `json:"startedAt"  orm:"started_at"  description:""`
	FinishedAt *gtime.Time `json:"finishedAt" orm:"finished_at" description:""`
}
