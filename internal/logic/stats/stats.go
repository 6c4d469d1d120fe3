// Package stats is the dashboards' statistics (seed 001 §5): cards by project, status and day,
// ledger flows by type and day, user activity and the top agents, scoped by role (an agent its
// own, an agent-admin its subtree's, the super-admin all), each exportable as .xlsx and PDF.
// Every answer is read from the daily aggregate tables the stats.refresh job keeps (refresh.go),
// never from a scan of the card or ledger tables.
package stats

import (
	"context"
	"sync/atomic"
	"time"

	"kami/internal/clock"
	"kami/internal/logic/job"
	"kami/internal/logic/settings"
	"kami/internal/service"
	"kami/utility/redislock"
)

const (
	// RefreshJob recomputes today's buckets and any day not yet frozen.
	RefreshJob = "stats.refresh"
	// settingLateGrace is how long after a day ended its buckets are still recomputed, for facts
	// whose transactions commit after midnight.
	settingLateGrace = "stats.lateGrace"
	// settingPDFFont is the TrueType font (with CJK glyphs) the PDF export writes with.
	settingPDFFont = "stats.pdfFont"
	// DefaultPDFFont is where Debian's fonts-droid-fallback installs its TTF.
	DefaultPDFFont = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
	// maxDays bounds one report's range, so an answer stays a few hundred points per series.
	maxDays = 366
)

type sStats struct {
	clock  atomic.Pointer[clock.Clock]
	locker atomic.Pointer[redislock.Locker] // made on first use: Redis is set up at boot, after init
}

func init() {
	settings.Define(settings.Def{Key: settingLateGrace, Group: "system", Type: settings.TypeDuration, Default: 2 * time.Hour,
		Min: settings.Bound(0), Max: settings.Bound(int64(7 * 24 * time.Hour))})
	settings.Define(settings.Def{Key: settingPDFFont, Group: "system", Type: settings.TypeString, Default: DefaultPDFFont})
	job.Register(job.Def{
		Name:            RefreshJob,
		Description:     "Recompute today's statistics buckets (cards, quota flows, activity) and every earlier day not yet frozen",
		DefaultSchedule: "@every 5m",
		Run:             func(ctx context.Context) (int, error) { return service.Stats().Refresh(ctx) },
	})
	service.RegisterStats(New())
}

// New returns the service on the system clock.
func New() *sStats {
	s := &sStats{}
	s.SetClock(clock.System)
	return s
}

// SetClock is how boot (or a test) hands the service its clock: "today" is measured on it.
func (s *sStats) SetClock(c clock.Clock) { s.clock.Store(&c) }

func (s *sStats) now() time.Time { return (*s.clock.Load()).Now().UTC().Truncate(time.Second) }
