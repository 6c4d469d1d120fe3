package job

import (
	"context"
	"errors"
	"fmt"
	"kami/utility/text"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/infra/redisx"
	"kami/internal/model/do"
	"kami/utility/redislock"
)

// runLockTTL is the lifetime of a job's run lock between renewals (TryDo renews every third of
// it): short enough that a crashed node frees the job quickly, long enough to ride out a slow
// Redis round trip.
const runLockTTL = 30 * time.Second

func runLockKey(name string) string { return redisx.Key("job", name, "run") }

type started struct {
	id  int64
	err error
}

// start runs def in the background while holding the job's run lock, and returns the run id as
// soon as the lock is held and the run row written. When another run (on any node) holds the
// lock it returns a JOB_RUNNING error and nothing runs.
func (s *sJob) start(def Def, trigger string, by int64) (int64, error) {
	if !s.track() {
		return 0, errs.Unavailable.New()
	}
	ch := make(chan started, 1)
	go func() {
		defer s.running.Done()
		called := false
		err := s.locker.TryDo(s.base, runLockKey(def.Name), runLockTTL, func(ctx context.Context) error {
			called = true
			id, err := s.openRun(ctx, def.Name, trigger, by)
			ch <- started{id, err}
			if err != nil {
				return err
			}
			s.execute(ctx, def, id, trigger)
			return nil
		})
		switch {
		case !called:
			ch <- started{err: err}
		case err != nil:
			// The run happened, but the lock was lost or not released cleanly; the next run
			// may have overlapped with this one, which is worth an operator's attention.
			g.Log().Warningf(s.base, "jobs: %s: run lock: %v", def.Name, err)
		}
	}()
	r := <-ch
	if errors.Is(r.err, redislock.ErrNotAcquired) {
		return 0, errs.JobRunning.New()
	}
	if errors.Is(r.err, redislock.ErrUnavailable) {
		return 0, errs.Unavailable.Wrap(r.err)
	}
	return r.id, r.err
}

// openRun writes the run row. Holding the job's lock proves no other run of it is alive, so any
// row of this job still marked running belongs to a node that died mid-run: close it first.
func (s *sJob) openRun(ctx context.Context, name, trigger string, by int64) (int64, error) {
	cols := dao.JobRuns.Columns()
	now := gtime.New(s.clock.Now())
	_, err := dao.JobRuns.Ctx(ctx).Where(cols.Job, name).Where(cols.Status, StatusRunning).Data(do.JobRuns{
		Status: StatusInterrupted, Error: "the node stopped before the run finished", FinishedAt: now,
	}).Update()
	if err != nil {
		return 0, err
	}
	return dao.JobRuns.Ctx(ctx).Data(do.JobRuns{
		Job: name, Node: s.cfg().NodeID, TriggerType: trigger, TriggeredBy: by,
		Status: StatusRunning, StartedAt: now,
	}).InsertAndGetId()
}

// execute runs the job body and records how it ended. The row is closed with a context that
// survives cancellation, so a run stopped by shutdown still says so.
func (s *sJob) execute(ctx context.Context, def Def, id int64, trigger string) {
	began := time.Now()
	items, err := safeRun(ctx, def)
	status := StatusSuccess
	switch {
	case err != nil && ctx.Err() != nil:
		status = StatusInterrupted
	case err != nil:
		status = StatusFailed
		g.Log().Warningf(ctx, "jobs: %s run %d failed: %v", def.Name, id, err)
	}
	runsTotal.WithLabelValues(def.Name, trigger, status).Inc()
	runDuration.WithLabelValues(def.Name).Observe(time.Since(began).Seconds())
	msg := ""
	if err != nil {
		msg = text.Truncate(err.Error(), 1000)
	}
	_, uerr := dao.JobRuns.Ctx(context.WithoutCancel(ctx)).WherePri(id).Data(do.JobRuns{
		Status: status, Items: items, Error: msg, FinishedAt: gtime.New(s.clock.Now()),
		DurationMs: time.Since(began).Milliseconds(),
	}).Update()
	if uerr != nil {
		g.Log().Errorf(ctx, "jobs: %s run %d: record result: %v", def.Name, id, uerr)
	}
}

// safeRun turns a panicking job into a failed run instead of a crashed node.
func safeRun(ctx context.Context, def Def) (items int, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	return def.Run(ctx)
}

func isRunning(err error) bool { return errs.Is(err, errs.JobRunning) }
