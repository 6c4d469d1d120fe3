package job

import (
	"context"
	"fmt"
	"kami/utility/dbx"
	"strconv"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtimer"

	"kami/internal/clock"
	"kami/internal/dao"
	"kami/internal/infra/redisx"
	"kami/internal/model/entity"
	"kami/internal/timefmt"
	"kami/utility/redislock"
)

// entry is one job's live schedule on this node.
type entry struct {
	schedule string
	plan     plan
	// checked is when this node last looked for due slots; a slot runs when its instant falls
	// after it, so the node never runs a slot that was already past when the job was enabled or
	// the node started.
	checked time.Time
}

// Start syncs the jobs table with the registry and, unless this node is configured not to,
// starts the schedules and the reload ticker. Manual runs work either way.
func (s *sJob) Start(ctx context.Context) error {
	for _, d := range defs() {
		if !validate(d.DefaultSchedule) {
			return fmt.Errorf("job %s: invalid default schedule %q", d.Name, d.DefaultSchedule)
		}
	}
	if err := syncTable(ctx); err != nil {
		return err
	}
	cfg := s.cfg().Jobs
	s.mu.Lock()
	if s.started {
		s.mu.Unlock()
		return nil
	}
	s.locker = redislock.New(g.Redis())
	s.base, s.cancel = context.WithCancel(context.WithoutCancel(ctx))
	s.started = true
	s.mu.Unlock()
	if !cfg.Enabled {
		g.Log().Info(ctx, "jobs: scheduling is off on this node (kami.jobs.enabled=false)")
		return nil
	}
	s.reload(ctx)
	interval := cfg.ReloadInterval
	if interval <= 0 {
		interval = time.Second
	}
	reloader := gtimer.AddSingleton(s.base, interval, func(ctx context.Context) { s.reload(ctx) })
	// The tick only compares instants, so a tick a little late (or early) on one node still names
	// the same slots as on the others.
	ticker := gtimer.AddSingleton(s.base, tickInterval, func(ctx context.Context) { s.tick() })
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopping {
		reloader.Close()
		ticker.Close()
	} else {
		s.timers = []*gtimer.Entry{reloader, ticker}
	}
	return nil
}

// tickInterval is how often a node looks for due slots: the finest schedule is once a second.
const tickInterval = 200 * time.Millisecond

// reload makes this node's entries match the jobs table: one entry per registered,
// enabled job with its current schedule. It runs every second, so edits made on any node
// reach every node without any node-local state to invalidate.
func (s *sJob) reload(ctx context.Context) {
	var rows []entity.Jobs
	if err := dao.Jobs.Ctx(ctx).Scan(&rows); err != nil {
		g.Log().Warningf(ctx, "jobs: reload: %v", err)
		return // keep the current entries until the table answers again
	}
	want := map[string]string{}
	for _, r := range rows {
		if _, ok := lookup(r.Name); ok && r.Enabled == 1 {
			want[r.Name] = r.Schedule
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopping {
		return
	}
	for name, e := range s.entries {
		if want[name] != e.schedule {
			delete(s.entries, name)
			scheduled.WithLabelValues(name).Set(0)
		}
	}
	for name, schedule := range want {
		if _, ok := s.entries[name]; ok {
			continue
		}
		p, ok := planOf(schedule, timefmt.Zone())
		if !ok {
			if s.badLog[name] != schedule {
				g.Log().Errorf(ctx, "jobs: %s has an invalid schedule %q in the jobs table; not scheduled", name, schedule)
				s.badLog[name] = schedule
			}
			continue
		}
		s.entries[name] = &entry{schedule: schedule, plan: p, checked: s.clock.Now()}
		scheduled.WithLabelValues(name).Set(1)
	}
}

// dueSlot is the latest scheduled instant in (checked, now], if any.
func dueSlot(p plan, checked, now time.Time) (time.Time, bool) {
	next := p.Next(checked)
	if next.After(now) {
		return time.Time{}, false
	}
	for {
		after := p.Next(next)
		if after.After(now) {
			return next, true
		}
		next = after
	}
}

// firing is one due slot of a job.
type firing struct {
	name, schedule string
	slot           int64
}

// tick starts every slot that came due since the previous tick, each claimed across nodes.
// Slots missed while a node was paused are not caught up: only the latest due one runs.
func (s *sJob) tick() {
	for _, f := range s.due(s.reading()) {
		if !s.track() {
			return
		}
		go func() {
			defer s.running.Done()
			s.fire(f.name, f.schedule, f.slot, keepOf(f.schedule))
		}()
	}
}

// reading is the tick's "now" and whether the clock holds the schedules, from one reading.
func (s *sJob) reading() (now time.Time, held bool) {
	if h, ok := s.clock.(clock.Holder); ok {
		return h.NowHolding()
	}
	return s.clock.Now(), false
}

// due collects the slots that fell due in (checked, now] and moves every entry's checked to now.
func (s *sJob) due(now time.Time, held bool) []firing {
	var due []firing
	s.mu.Lock()
	defer s.mu.Unlock()
	for name, e := range s.entries {
		// A clock stepped back (an NTP correction, a test clock released) would leave checked in
		// the future and stall the job until time caught up with it; a held clock skips slots.
		if held || now.Before(e.checked) {
			e.checked = now
			continue
		}
		slot, ok := dueSlot(e.plan, e.checked, now)
		if !ok {
			continue
		}
		e.checked = now
		due = append(due, firing{name, e.schedule, slot.Unix()})
	}
	return due
}

// fire runs one scheduled slot unless the job was switched off or rescheduled meanwhile (read
// from the table, so an edit on another node counts at once) or another node claimed the slot.
func (s *sJob) fire(name, schedule string, slot int64, keep time.Duration) {
	ctx := s.base
	def, ok := lookup(name)
	if !ok {
		return
	}
	var row entity.Jobs
	if err := dao.Jobs.Ctx(ctx).WherePri(name).Scan(&row); err != nil && !dbx.IsNoRows(err) {
		g.Log().Warningf(ctx, "jobs: %s: read schedule: %v", name, err)
		return
	}
	if row.Enabled != 1 || row.Schedule != schedule {
		return
	}
	key := redisx.Key("job", name, "slot", strconv.FormatInt(slot, 10))
	v, err := g.Redis().Do(ctx, "SET", key, s.cfg().NodeID, "NX", "PX", keep.Milliseconds())
	if err != nil {
		// Without Redis no node can prove it owns the slot; skipping is safer than a double run.
		g.Log().Warningf(ctx, "jobs: %s: claim slot: %v", name, err)
		return
	}
	if v.IsNil() {
		slotClaims.WithLabelValues(name, "lost").Inc()
		return // another node has this slot
	}
	slotClaims.WithLabelValues(name, "won").Inc()
	if _, err = s.start(def, TriggerSchedule, 0); err != nil {
		if isRunning(err) {
			g.Log().Infof(ctx, "jobs: %s: previous run still going, slot %d skipped", name, slot)
		} else {
			g.Log().Warningf(ctx, "jobs: %s: %v", name, err)
		}
	}
}

// Stop ends scheduling, then waits for running jobs up to kami.jobs.stopTimeout; past it, their
// contexts are cancelled and they get a few more seconds to record how they ended.
func (s *sJob) Stop() {
	s.mu.Lock()
	if !s.started || s.stopping {
		s.mu.Unlock()
		return
	}
	s.stopping = true
	for _, t := range s.timers {
		t.Close()
	}
	for name := range s.entries {
		scheduled.WithLabelValues(name).Set(0)
	}
	clear(s.entries)
	s.mu.Unlock()

	timeout := s.cfg().Jobs.StopTimeout
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	done := make(chan struct{})
	go func() { s.running.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(timeout):
		g.Log().Warningf(s.base, "jobs: still running after %s; cancelling", timeout)
		s.cancel()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			g.Log().Error(s.base, "jobs: runs did not stop after cancellation; leaving them")
		}
	}
	s.cancel()
}
