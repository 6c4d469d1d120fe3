// Package job is the scheduler. Jobs register in code (Register, from any package's init); their
// schedules live in the jobs table, editable by the super-admin, and every node re-reads that
// table each second. Each node evaluates the schedules in the display zone; a firing runs only after its
// node claims the slot in Redis (SET NX), so with N nodes a slot runs once, and every run holds
// the job's Redis lock, so two runs of a job never overlap. Each run writes a job_runs row.
package job

import (
	"context"
	"sync"

	"github.com/gogf/gf/v2/os/gtimer"

	"kami/internal/clock"
	"kami/internal/config"
	"kami/internal/dao"
	"kami/internal/retention"
	"kami/internal/service"
	"kami/utility/redislock"
)

// Triggers and statuses of job_runs rows.
const (
	TriggerSchedule = "schedule"
	TriggerManual   = "manual"

	StatusRunning     = "running"
	StatusSuccess     = "success"
	StatusFailed      = "failed"
	StatusInterrupted = "interrupted"
)

type sJob struct {
	mu       sync.Mutex
	started  bool
	stopping bool
	entries  map[string]*entry // live schedules by job name (this node's view of the table)
	badLog   map[string]string // invalid stored schedules already logged, to log each once
	timers   []*gtimer.Entry   // the table reload and the slot tick
	locker   *redislock.Locker
	clock    clock.Clock           // what "now" is for schedules; set at boot
	cfg      func() *config.Config // the configuration, handed at boot
	base     context.Context       // parent of every run; cancelled when Stop stops waiting
	cancel   context.CancelFunc
	running  sync.WaitGroup // firings and runs in flight, for Stop
}

func init() {
	service.RegisterJob(New())
}

func New() *sJob {
	return &sJob{entries: map[string]*entry{}, badLog: map[string]string{}, clock: clock.System}
}

// track counts a firing or run for Stop, unless the node is stopping; every true must be
// matched by s.running.Done().
func (s *sJob) track() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopping || !s.started {
		return false
	}
	s.running.Add(1)
	return true
}

// The run history is this module's table; it is offered to the log.retention job, which
// archives and deletes rows older than kami.logRetention.
func init() {
	retention.Register(retention.Table{Name: dao.JobRuns.Table(), TimeCol: dao.JobRuns.Columns().StartedAt})
}

// Configure hands the scheduler the configuration it reads (this node's id and jobs section);
// boot calls it before Start.
func (s *sJob) Configure(cfg func() *config.Config) { s.cfg = cfg }

// SetClock hands the scheduler its clock; boot calls it before Start (tests pass one they move).
func (s *sJob) SetClock(c clock.Clock) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c != nil && !s.started {
		s.clock = c
	}
}
