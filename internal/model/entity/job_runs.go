// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package entity

import (
	"github.com/gogf/gf/v2/os/gtime"
)

// JobRuns is the golang structure for table job_runs.
type JobRuns struct {
	Id          int64       `json:"id"          orm:"id"           description:""`
	Job         string      `json:"job"         orm:"job"          description:""`
	Node        string      `json:"node"        orm:"node"         description:""`
	TriggerType string      `json:"triggerType" orm:"trigger_type" description:""`
	TriggeredBy int64       `json:"triggeredBy" orm:"triggered_by" description:""`
	Status      string      `json:"status"      orm:"status"       description:""`
	Items       int64       `json:"items"       orm:"items"        description:""`
	Error       string      `json:"error"       orm:"error"        description:""`
	StartedAt   *gtime.Time `json:"startedAt"   orm:"started_at"   description:""`
	FinishedAt  *gtime.Time `json:"finishedAt"  orm:"finished_at"  description:""`
	DurationMs  int64       `json:"durationMs"  orm:"duration_ms"  description:""`
}
