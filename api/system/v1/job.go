package v1

import (
	"github.com/gogf/gf/v2/frame/g"

	"kami/api/common"
)

// Jobs are registered in code; these endpoints edit their schedule, switch them on and off, run
// them on demand and show their run history. RBAC grants them to the super-admin only.

type JobListReq struct {
	g.Meta `path:"/system/job/list" method:"get" tags:"任务 Jobs" summary:"Registered jobs with their schedule, state and last run"`
}

type JobListRes struct {
	Items []JobItem `json:"items"`
	Total int       `json:"total"`
}

type JobItem struct {
	ID              string      `json:"id"   dc:"same as name; list rows carry an id"`
	Name            string      `json:"name"`
	Description     string      `json:"description"`
	Schedule        string      `json:"schedule"        dc:"gcron pattern, e.g. @every 30s, @daily, 0 */5 * * * *"`
	DefaultSchedule string      `json:"defaultSchedule" dc:"the schedule the job ships with"`
	Enabled         bool        `json:"enabled"`
	Running         bool        `json:"running"         dc:"a run holds the job's lock on some node right now"`
	UpdatedAt       string      `json:"updatedAt"`
	LastRun         *JobRunItem `json:"lastRun"`
}

type JobUpdateReq struct {
	g.Meta   `path:"/system/job/{name}" method:"put" tags:"任务 Jobs" summary:"Change a job's schedule and/or switch it on or off; every node applies it within a second"`
	Name     string  `json:"name"     in:"path" v:"required|max-length:64" dc:"job name"`
	Schedule *string `json:"schedule" v:"max-length:64"                    dc:"gcron pattern; omitted keeps the current one"`
	Enabled  *bool   `json:"enabled"  dc:"omitted keeps the current state"`
}

type JobUpdateRes struct {
	JobItem
}

type JobRunReq struct {
	g.Meta `path:"/system/job/{name}/run" method:"post" tags:"任务 Jobs" summary:"Run a job now on this node, in the background; 409 when it is already running"`
	Name   string `json:"name" in:"path" v:"required|max-length:64" dc:"job name"`
}

type JobRunRes struct {
	RunID int64 `json:"runId" dc:"follow it in /system/job/runs"`
}

type JobRunsReq struct {
	g.Meta `path:"/system/job/runs" method:"get" tags:"任务 Jobs" summary:"Run history, newest first"`
	common.PageReq
	Name    string `json:"name"    v:"max-length:64"                                 dc:"only this job"`
	Status  string `json:"status"  v:"in:running,success,failed,interrupted"          dc:"only runs in this state"`
	Trigger string `json:"trigger" v:"in:schedule,manual"                            dc:"only scheduled or manual runs"`
}

type JobRunsRes struct {
	Items []JobRunItem `json:"items"`
	Total int          `json:"total"`
}

type JobRunItem struct {
	ID          int64  `json:"id"`
	Job         string `json:"job"`
	Node        string `json:"node"        dc:"the node that ran it"`
	Trigger     string `json:"trigger"     dc:"schedule or manual"`
	TriggeredBy int64  `json:"triggeredBy" dc:"user id of a manual run, 0 for scheduled"`
	Status      string `json:"status"      dc:"running, success, failed or interrupted"`
	Items       int64  `json:"items"       dc:"items the run processed"`
	Error       string `json:"error"`
	StartedAt   string `json:"startedAt"`
	FinishedAt  string `json:"finishedAt"`
	DurationMs  int64  `json:"durationMs"`
}
