// ================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// You can delete these comments if you wish manually maintain this interface file.
// ================================================================================

package service

import (
	"context"
	v1 "kami/api/system/v1"
	"kami/internal/clock"
	"kami/internal/config"
)

type (
	IJob interface {
		// List shows every registered job with its stored schedule, whether a run holds its lock on
		// any node, and its last run.
		List(ctx context.Context, _ *v1.JobListReq) (*v1.JobListRes, error)
		// Update changes a job's schedule and/or on/off state. This node applies it at once; the
		// others within a reload interval, and none runs a slot of the old schedule meanwhile,
		// because each firing re-reads the row.
		Update(ctx context.Context, req *v1.JobUpdateReq) (*v1.JobUpdateRes, error)
		// RunNow starts a run on this node in the background, whether or not the job is enabled (an
		// operator may want a switched-off job once). It answers 409 while any node runs the job.
		RunNow(ctx context.Context, req *v1.JobRunReq) (*v1.JobRunRes, error)
		// Runs is the run history, newest first unless asked otherwise.
		Runs(ctx context.Context, req *v1.JobRunsReq) (*v1.JobRunsRes, error)
		// Configure hands the scheduler the configuration it reads (this node's id and jobs section);
		// boot calls it before Start.
		Configure(cfg func() *config.Config)
		// SetClock hands the scheduler its clock; boot calls it before Start (tests pass one they move).
		SetClock(c clock.Clock)
		// Start syncs the jobs table with the registry and, unless this node is configured not to,
		// starts the schedules and the reload ticker. Manual runs work either way.
		Start(ctx context.Context) error
		// Stop ends scheduling, then waits for running jobs up to kami.jobs.stopTimeout; past it, their
		// contexts are cancelled and they get a few more seconds to record how they ended.
		Stop()
	}
)

var (
	localJob IJob
)

func Job() IJob {
	if localJob == nil {
		panic("implement not found for interface IJob, forgot register?")
	}
	return localJob
}

func RegisterJob(i IJob) {
	localJob = i
}
