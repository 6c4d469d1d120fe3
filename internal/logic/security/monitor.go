package security

import (
	"context"
	"fmt"
	"sync"
	"syscall"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
	"github.com/prometheus/client_golang/prometheus"

	"kami/internal/dao"
	"kami/internal/logic/job"
	"kami/internal/service"
)

// Settings of the fault monitor (seed 001 §9.3).
const (
	SettingMonitorLatency   = "security.monitorLatency"   // a DB or Redis ping slower than this is degraded
	SettingMonitorErrorRate = "security.monitorErrorRate" // percent of 5xx answers since the last run
	SettingMonitorDiskFree  = "security.monitorDiskFree"  // percent of the data dir's disk left
)

// The checks, as alert rows name them.
const (
	CheckDB         = "db"
	CheckRedis      = "redis"
	CheckJobs       = "jobs"
	CheckHTTPErrors = "http_errors"
	CheckDisk       = "disk"
)

// minRequests is how many answers the error rate needs before it means anything.
const minRequests = 20

func init() {
	job.Register(job.Def{Name: "security.monitor", Description: "Checks the database, Redis, job failures, the HTTP error rate and the data dir's disk; raises and resolves fault alerts",
		DefaultSchedule: "@every 1m", Run: func(ctx context.Context) (int, error) { return service.Security().Monitor(ctx) }})
}

// monitorState is what a run compares with the previous one (this node's HTTP counters) and
// the Redis probe; guarded because a manual run may overlap a scheduled one.
type monitorState struct {
	mu         sync.Mutex
	redis      func(context.Context) error // the Redis probe; nil: g.Redis()
	lastTotal  float64
	last5xx    float64
	lastRunJob time.Time
}

// SetRedisPinger replaces the Redis probe (nil: g.Redis()) and returns the previous one, so a
// test can point the monitor at a Redis it starts and stops itself.
func (s *sSecurity) SetRedisPinger(p func(context.Context) error) func(context.Context) error {
	s.mon.mu.Lock()
	defer s.mon.mu.Unlock()
	prev := s.mon.redis
	s.mon.redis = p
	return prev
}

// Monitor runs every check once and applies its finding to the alerts; it reports how many
// checks failed. A check's own failure to run is its finding, never the job's error.
func (s *sSecurity) Monitor(ctx context.Context) (int, error) {
	findings := []finding{s.checkDB(ctx), s.checkRedis(ctx), s.checkJobs(ctx), s.checkHTTP(), s.checkDisk(), s.checkBackup(ctx)}
	failing := 0
	for _, f := range findings {
		ok := 1.0
		if !f.OK {
			failing++
			ok = 0
		}
		checkOK.WithLabelValues(f.Check).Set(ok)
		if err := s.apply(ctx, f); err != nil {
			return failing, fmt.Errorf("alert %s: %w", f.Check, err)
		}
	}
	return failing, nil
}

// latency times one ping; wall time on purpose (a duration, not a business "now").
func (s *sSecurity) latency(ctx context.Context, check string, ping func() error) finding {
	start := time.Now()
	err := ping()
	took := time.Since(start)
	switch {
	case err != nil:
		return finding{Check: check, Severity: SeverityCritical, Message: err.Error()}
	case took > service.Settings().Duration(SettingMonitorLatency):
		return finding{Check: check, Severity: SeverityWarning, Message: fmt.Sprintf("ping took %s", took.Round(time.Millisecond))}
	}
	return finding{Check: check, OK: true}
}

func (s *sSecurity) checkDB(ctx context.Context) finding {
	return s.latency(ctx, CheckDB, func() error { return g.DB().PingMaster() })
}

func (s *sSecurity) checkRedis(ctx context.Context) finding {
	s.mon.mu.Lock()
	p := s.mon.redis
	s.mon.mu.Unlock()
	if p == nil {
		p = func(ctx context.Context) error { _, err := g.Redis().Do(ctx, "PING"); return err }
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	return s.latency(ctx, CheckRedis, func() error { return p(ctx) })
}

// checkJobs fails while a job run failed since the previous monitor run (the first run looks
// one schedule back).
func (s *sSecurity) checkJobs(ctx context.Context) finding {
	now := s.clock.Now()
	s.mon.mu.Lock()
	since := s.mon.lastRunJob
	s.mon.lastRunJob = now
	s.mon.mu.Unlock()
	if since.IsZero() {
		since = now.Add(-time.Minute)
	}
	cols := dao.JobRuns.Columns()
	names, err := dao.JobRuns.Ctx(ctx).Fields(cols.Job).Distinct().Where(cols.Status, "failed").
		WhereGTE(cols.StartedAt, gtime.New(since)).WhereNot(cols.Job, "security.monitor").Array()
	if err != nil {
		return finding{Check: CheckJobs, Severity: SeverityWarning, Message: err.Error()}
	}
	if len(names) > 0 {
		return finding{Check: CheckJobs, Severity: SeverityWarning, Message: "failed: " + joinPlaces(names)}
	}
	return finding{Check: CheckJobs, OK: true}
}

// checkHTTP reads this node's request counters (kami_http_requests_total) and fails when 5xx
// answers since the previous run exceed security.monitorErrorRate percent.
func (s *sSecurity) checkHTTP() finding {
	total, errs5 := 0.0, 0.0
	families, err := prometheus.DefaultGatherer.Gather()
	if err != nil {
		return finding{Check: CheckHTTPErrors, OK: true}
	}
	for _, f := range families {
		if f.GetName() != "kami_http_requests_total" {
			continue
		}
		for _, m := range f.GetMetric() {
			v := m.GetCounter().GetValue()
			total += v
			for _, l := range m.GetLabel() {
				if l.GetName() == "status" && len(l.GetValue()) == 3 && l.GetValue()[0] == '5' {
					errs5 += v
				}
			}
		}
	}
	s.mon.mu.Lock()
	dt, de := total-s.mon.lastTotal, errs5-s.mon.last5xx
	s.mon.lastTotal, s.mon.last5xx = total, errs5
	s.mon.mu.Unlock()
	limit := float64(service.Settings().Int(SettingMonitorErrorRate))
	if dt >= minRequests && de*100 > limit*dt {
		return finding{Check: CheckHTTPErrors, Severity: SeverityCritical,
			Message: fmt.Sprintf("%.0f of %.0f answers were 5xx", de, dt)}
	}
	return finding{Check: CheckHTTPErrors, OK: true}
}

// checkDisk fails when the data dir's file system has less than security.monitorDiskFree
// percent left.
func (s *sSecurity) checkDisk() finding {
	dir := s.cfg().DataDir
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return finding{Check: CheckDisk, Severity: SeverityWarning, Message: err.Error()}
	}
	if st.Blocks == 0 {
		return finding{Check: CheckDisk, OK: true}
	}
	free := float64(st.Bavail) * 100 / float64(st.Blocks)
	if free < float64(service.Settings().Int(SettingMonitorDiskFree)) {
		return finding{Check: CheckDisk, Severity: SeverityCritical, Message: fmt.Sprintf("%.1f%% free on %s", free, dir)}
	}
	return finding{Check: CheckDisk, OK: true}
}
