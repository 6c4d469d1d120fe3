package user

import (
	"context"
	"sync"
	"time"

	"github.com/gogf/gf/v2/frame/g"
)

// Work whose duration depends on what the database holds (does this email have an account?)
// runs here, off the request path, so the answer's timing cannot tell. The pool is small and
// its queue bounded: a flood costs queue slots, never unbounded goroutines or SMTP sessions.
const (
	backgroundWorkers = 2
	backgroundQueue   = 64
	// backgroundTimeout bounds one task: a lookup, a token and one mail.
	backgroundTimeout = mailTimeout + 10*time.Second
)

var (
	backgroundOnce sync.Once
	backgroundJobs chan func()
	// backgroundPending counts tasks queued or running, so a test can wait for the pool to be
	// idle and then know what it did not send (export_test.go).
	backgroundPending sync.WaitGroup
)

// runInBackground queues fn, detached from the request: it keeps the request's values (its
// language for the mail, the trace id for the log) but not its cancellation. With the queue
// full the task is dropped and logged; every flow using it can be repeated by the user.
func runInBackground(ctx context.Context, what string, fn func(ctx context.Context) error) {
	backgroundOnce.Do(func() {
		backgroundJobs = make(chan func(), backgroundQueue)
		for i := 0; i < backgroundWorkers; i++ {
			go func() {
				for job := range backgroundJobs {
					job()
				}
			}()
		}
	})
	ctx = context.WithoutCancel(ctx)
	backgroundPending.Add(1)
	job := func() {
		defer backgroundPending.Done()
		ctx, cancel := context.WithTimeout(ctx, backgroundTimeout)
		defer cancel()
		if err := fn(ctx); err != nil {
			g.Log().Warningf(ctx, "%s: %v", what, err)
		}
	}
	select {
	case backgroundJobs <- job:
	default:
		backgroundPending.Done()
		g.Log().Warningf(ctx, "%s dropped: background queue full", what)
	}
}
