// Package apicalls is the OpenAPI's call log: how many calls of each project's endpoints ended
// with each result per day, and the project's last refused calls in detail.
//
// The OpenAPI reports every request (Count) and every refusal (Fail) to this node's memory, so
// the request path does no I/O. Once a second each node adds its counts to Redis (one hash per
// project and day) and writes its refusals to openapi_failures; the openapi.calls job moves the
// Redis hashes into openapi_calls, exactly once each (drain.go). The admin lists read the table
// and what Redis holds not yet moved, so today's figures are current to the last flush.
package apicalls

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/clock"
	"kami/internal/model"
	"kami/internal/service"
)

// flushInterval is how often a node hands what it counted to Redis and the database.
const flushInterval = time.Second

// stopTimeout bounds the last flush of a stopping node: Redis or the database being down must
// not hold a shutdown for long (what could not be written is logged).
const stopTimeout = 10 * time.Second

type sApiCalls struct {
	clock  atomic.Pointer[clock.Clock]
	counts counter
	fails  failureBuffer

	// proc names this process in Redis: a flush carries (proc, seq), so a flush resent after
	// an unanswered attempt is added once (redis.go).
	proc string

	flushMu sync.Mutex // one count flush at a time: the loop, Flush and Stop
	seq     int64      // the last sequence number handed to a flush chunk
	pending []chunk    // chunks built but not yet confirmed by Redis, oldest first

	failFlushMu sync.Mutex // one failure flush at a time

	mu       sync.Mutex
	cancel   context.CancelFunc // stops the flush loop; nil while it is not running
	loopDone chan struct{}
}

func init() {
	service.RegisterApiCalls(New())
}

// New returns the call log on the system clock.
func New() *sApiCalls {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	s := &sApiCalls{proc: hex.EncodeToString(b)}
	s.counts.init()
	s.fails.init()
	s.SetClock(clock.System)
	return s
}

// SetClock hands the service its clock: the day a call is counted on is the clock's date in
// the display zone. Boot calls it; tests pass a fake one.
func (s *sApiCalls) SetClock(c clock.Clock) {
	if c != nil {
		s.clock.Store(&c)
	}
}

func (s *sApiCalls) nowTime() time.Time { return (*s.clock.Load()).Now() }

// now is the service's time in UTC whole seconds, as DATETIME columns keep it.
func (s *sApiCalls) now() *gtime.Time {
	return gtime.NewFromTime(s.nowTime().UTC().Truncate(time.Second))
}

// Count records one call of a project's endpoint ("verify", "query", "unbind", "keys") with
// its result: a verification result (VALID, EXPIRED, ...), an unbind result, "OK", or the
// machine code of a refused call (SIGNATURE_INVALID, RATE_LIMITED, ...). It is on the path of
// every OpenAPI request: memory only, no I/O, no allocation once the key was seen this second,
// safe from any number of goroutines.
func (s *sApiCalls) Count(projectID int64, endpoint, result string) {
	if projectID <= 0 {
		return
	}
	s.counts.add(counterKey{project: projectID, day: dayOf(s.nowTime()), endpoint: endpoint, result: result}, 1)
}

// Fail records a refused call for the project's troubleshooting log. It is buffered in memory:
// of one project's refusals between two flushes only the newest openapi.failureLog are kept, so
// a flood of bad requests never becomes a flood of writes.
func (s *sApiCalls) Fail(f model.ApiFailure) {
	if f.ProjectID <= 0 {
		return
	}
	if f.At.IsZero() {
		f.At = s.nowTime()
	}
	s.fails.push(f, failureLimit())
}

// Start starts this node's flush loop; while it runs it does nothing. After Stop it starts
// again.
func (s *sApiCalls) Start(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cancel != nil {
		return nil
	}
	base, cancel := context.WithCancel(context.WithoutCancel(ctx))
	s.cancel, s.loopDone = cancel, make(chan struct{})
	go s.loop(base, s.loopDone)
	return nil
}

// Stop ends the flush loop and writes what is buffered, so a graceful restart loses no count
// and no refusal. Calls counted after Stop wait for the next Start (or Flush).
func (s *sApiCalls) Stop() {
	s.mu.Lock()
	cancel, done := s.cancel, s.loopDone
	s.cancel = nil
	s.mu.Unlock()
	if cancel != nil {
		cancel()
		<-done
	}
	ctx, stop := context.WithTimeout(context.Background(), stopTimeout)
	defer stop()
	if err := s.Flush(ctx); err != nil {
		g.Log().Errorf(ctx, "apicalls: last flush before stopping: %v", err)
	}
}

func (s *sApiCalls) loop(ctx context.Context, done chan struct{}) {
	defer close(done)
	tick := time.NewTicker(flushInterval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		if err := s.Flush(ctx); err != nil && ctx.Err() == nil {
			g.Log().Warningf(ctx, "apicalls: flush: %v", err)
		}
	}
}

// Flush writes what this node has buffered now: the counts into Redis, the refusals into
// openapi_failures. The loop calls it every second and Stop once more; what fails stays
// buffered for the next one.
func (s *sApiCalls) Flush(ctx context.Context) error {
	errCounts := s.flushCounts(ctx)
	errFails := s.flushFailures(ctx)
	if errCounts != nil {
		return errCounts
	}
	return errFails
}
