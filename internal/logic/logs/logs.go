// Package logs serves the operation, login and system logs to admins (filtered, paged, exported to
// Excel), always through the caller's data scope, and archives old rows with the
// log.retention job.
package logs

import (
	"kami/internal/clock"
	"kami/internal/config"
	"kami/internal/service"
)

type sLogs struct {
	clock clock.Clock           // "now" of the retention cutoff and export names; set at boot
	cfg   func() *config.Config // the configuration, handed at boot
	sys   *capture              // the system log's queue and writer (capture.go)
}

func init() {
	service.RegisterLogs(New())
}

func New() *sLogs { return &sLogs{clock: clock.System, sys: newCapture()} }

// SetClock hands the service its clock; boot calls it before serving.
func (s *sLogs) SetClock(c clock.Clock) {
	if c != nil {
		s.clock = c
	}
}

// Configure hands the service the configuration it reads (retention window, data dir, export
// cap); boot calls it before serving.
func (s *sLogs) Configure(cfg func() *config.Config) { s.cfg = cfg }
