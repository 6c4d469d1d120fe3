// Package auth is login, sessions and tokens: captcha and lockout in Redis (shared by every
// node), durable refresh sessions in the database, short JWT access tokens.
package auth

import (
	"kami/internal/clock"
	"kami/internal/config"
	"kami/internal/service"
)

type sAuth struct {
	clock clock.Clock           // "now" of session, token and lockout windows; set at boot
	cfg   func() *config.Config // the configuration, handed at boot
}

func init() {
	service.RegisterAuth(New())
}

func New() *sAuth { return &sAuth{clock: clock.System} }

// SetClock hands the service its clock; boot calls it before serving.
func (s *sAuth) SetClock(c clock.Clock) {
	if c != nil {
		s.clock = c
	}
}

// Configure hands the service the configuration it reads (token lifetimes, refresh grace,
// hashing limits, cookie rules); boot calls it before serving.
func (s *sAuth) Configure(cfg func() *config.Config) { s.cfg = cfg }
