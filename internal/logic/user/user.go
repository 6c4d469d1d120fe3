// Package user manages accounts: the agent hierarchy, profiles, passwords, self-registration
// and password reset by mail.
package user

import (
	"kami/internal/adapter/smtpmail"
	"kami/internal/clock"
	"kami/internal/config"
	"kami/internal/logic/mail"
	"kami/internal/service"
)

type sUser struct {
	mailer mail.Slot             // the live mailer from boot, or a test's fake
	clock  clock.Clock           // "now" of token expiry and the times mails state; set at boot
	cfg    func() *config.Config // the configuration, handed at boot
}

func init() {
	service.RegisterUser(New())
}

func New() *sUser { return &sUser{clock: clock.System} }

// SetMailer hands the service the mailer its mails go through and returns the one it held, so
// a test that injects a fake can put the real one back.
func (s *sUser) SetMailer(m smtpmail.Mailer) (prev smtpmail.Mailer) { return s.mailer.Set(m) }

// SetClock hands the service its clock; boot calls it before serving.
func (s *sUser) SetClock(c clock.Clock) {
	if c != nil {
		s.clock = c
	}
}

// Configure hands the service the configuration it reads (public URL, first admin password);
// boot calls it before anything else of the service runs.
func (s *sUser) Configure(cfg func() *config.Config) { s.cfg = cfg }
