// Package middleware holds the request pipeline of the admin API: language, envelope, auth and
// RBAC, operation log. Each concept has its own file.
package middleware

import (
	"kami/internal/clock"
	"kami/internal/config"
	"kami/internal/service"
)

type sMiddleware struct {
	clock clock.Clock           // stamps operation-log rows (their age is what retention reads)
	cfg   func() *config.Config // the configuration (HTTP limits, debug), handed at boot
}

func init() {
	service.RegisterMiddleware(New())
}

func New() *sMiddleware { return &sMiddleware{clock: clock.System} }

// SetClock hands the pipeline its clock; boot calls it before serving.
func (s *sMiddleware) SetClock(c clock.Clock) {
	if c != nil {
		s.clock = c
	}
}

// Configure hands the pipeline the configuration it reads; boot calls it before serving.
func (s *sMiddleware) Configure(cfg func() *config.Config) { s.cfg = cfg }
