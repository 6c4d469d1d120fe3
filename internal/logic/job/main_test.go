package job_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"kami/internal/logic/job"
	"kami/internal/testkit"
)

// The scheduler runs on the shared test clock, so scheduling tests move time across both nodes
// instead of sleeping; it shows the real time unless a test freezes it.
func TestMain(m *testing.M) { testkit.Main(m, testkit.WithSharedClock()) }

// Test jobs, registered in the test binary only. A second node (StartNode) is this same binary,
// so it registers them too. All start switched off so they never run unless a test asks.
func init() {
	job.Register(job.Def{
		Name: "test.tick", Description: "test: every second", DefaultSchedule: "@every 1s", StartDisabled: true,
		Run: func(ctx context.Context) (int, error) {
			time.Sleep(50 * time.Millisecond)
			return 1, nil
		},
	})
	job.Register(job.Def{
		Name: "test.off", Description: "test: never enabled", DefaultSchedule: "@every 1s", StartDisabled: true,
		Run: func(ctx context.Context) (int, error) { return 1, nil },
	})
	job.Register(job.Def{
		Name: "test.slow", Description: "test: takes 1.5 s unless cancelled", DefaultSchedule: "@every 1h", StartDisabled: true,
		Run: func(ctx context.Context) (int, error) {
			select {
			case <-time.After(1500 * time.Millisecond):
				return 3, nil
			case <-ctx.Done():
				return 0, ctx.Err()
			}
		},
	})
	job.Register(job.Def{
		Name: "test.fail", Description: "test: fails", DefaultSchedule: "@every 1h", StartDisabled: true,
		Run: func(ctx context.Context) (int, error) { return 2, errors.New("boom") },
	})
	job.Register(job.Def{
		Name: "test.panic", Description: "test: panics", DefaultSchedule: "@every 1h", StartDisabled: true,
		Run: func(ctx context.Context) (int, error) { panic("kaboom") },
	})
}
