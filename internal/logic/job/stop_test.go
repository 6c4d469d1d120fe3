package job_test

import (
	"context"
	"testing"
	"time"

	"github.com/gogf/gf/v2/os/gctx"

	v1 "kami/api/system/v1"
	"kami/internal/config"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/logic/job"
	"kami/internal/model/entity"
	"kami/internal/testkit"
)

func runRow(t *testing.T, id int64) entity.JobRuns {
	t.Helper()
	var r entity.JobRuns
	if err := dao.JobRuns.Ctx(context.Background()).WherePri(id).Scan(&r); err != nil {
		t.Fatal(err)
	}
	return r
}

// Stop waits for a running job to finish, or past stopTimeout cancels it and records the run
// as interrupted; after Stop no run starts. Each case uses a scheduler of its own, as a node's
// shutdown would.
func TestStopWaitsForRunningJobs(t *testing.T) {
	ctx := testkit.SuperAdmin(t).Ctx(gctx.New())
	tests := []struct {
		name        string
		stopTimeout time.Duration
		status      string
		minWait     time.Duration
		maxWait     time.Duration
	}{
		{"finishes within the grace period", 10 * time.Second, "success", 1200 * time.Millisecond, 5 * time.Second},
		{"cancelled past the grace period", 200 * time.Millisecond, "interrupted", 150 * time.Millisecond, 3 * time.Second},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg := *config.Get()
			cfg.Jobs.StopTimeout = tc.stopTimeout
			s := job.New()
			s.Configure(func() *config.Config { return &cfg })
			if err := s.Start(ctx); err != nil {
				t.Fatal(err)
			}
			res, err := s.RunNow(ctx, &v1.JobRunReq{Name: "test.slow"})
			if err != nil {
				t.Fatal(err)
			}
			began := time.Now()
			s.Stop()
			waited := time.Since(began)
			if waited < tc.minWait || waited > tc.maxWait {
				t.Errorf("Stop returned after %s, want between %s and %s", waited, tc.minWait, tc.maxWait)
			}
			if r := runRow(t, res.RunID); r.Status != tc.status || r.FinishedAt == nil {
				t.Errorf("run after Stop: status %q finished %v, want %q", r.Status, r.FinishedAt, tc.status)
			}
			if _, err = s.RunNow(ctx, &v1.JobRunReq{Name: "test.slow"}); !errs.Is(err, errs.Unavailable) {
				t.Errorf("RunNow after Stop: %v, want UNAVAILABLE", err)
			}
		})
	}
}
