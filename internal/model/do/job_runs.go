// =================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// =================================================================================

package do

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

// JobRuns is the golang structure of table job_runs for DAO operations like Where/Data.
type JobRuns struct {
	g.Meta      `orm:"table:job_runs, do:true"`
	Id          any         //
	Job         any         //
	Node        any         //
	TriggerType any         //
	TriggeredBy any         //
	Status      any         //
	Items       any         //
	Error       any         //
	StartedAt   *gtime.Time //
	FinishedAt  *gtime.Time //
	DurationMs  any         //
}
