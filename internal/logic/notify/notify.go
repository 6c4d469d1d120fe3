// Package notify is the notification service every module uses: Send writes a notice to the
// recipients' inboxes in the caller's transaction, with copies over other channels (email,
// later sms) that a worker delivers after commit, with retries and send limits; users read
// their own inbox under /api/notifications; the super-admin sends announcements, now or at a
// time, through /api/system/announcements.
package notify

import (
	"context"
	"sync"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/adapter/smtpmail"
	"kami/internal/clock"
	"kami/internal/config"
	"kami/internal/logic/mail"
	"kami/internal/logic/settings"
	"kami/internal/model"
	"kami/internal/service"
)

// Settings of the email copy; a test sets the ones it needs.
const (
	settingPerUser     = "notify.emailPerUserPerHour"
	settingGlobal      = "notify.emailPerHour"
	settingMaxAttempts = "notify.emailMaxAttempts"
	settingRetryBase   = "notify.emailRetryBase"
)

func init() {
	n := New()
	service.RegisterNotify(n)
	transports[model.ChannelEmail] = emailTransport{n: n}
	settings.Define(settings.Def{Key: settingPerUser, Group: "notify", Type: settings.TypeInt, Default: 30,
		Min: settings.Bound(1), Max: settings.Bound(10000)})
	settings.Define(settings.Def{Key: settingGlobal, Group: "notify", Type: settings.TypeInt, Default: 1000,
		Min: settings.Bound(1), Max: settings.Bound(1000000)})
	settings.Define(settings.Def{Key: settingMaxAttempts, Group: "notify", Type: settings.TypeInt, Default: 5,
		Min: settings.Bound(1), Max: settings.Bound(20)})
	settings.Define(settings.Def{Key: settingRetryBase, Group: "notify", Type: settings.TypeDuration, Default: time.Minute,
		Min: settings.Bound(int64(10 * time.Millisecond)), Max: settings.Bound(int64(time.Hour))})
}

type sNotify struct {
	mu     sync.Mutex
	cancel context.CancelFunc
	done   chan struct{}
	kick   chan struct{}         // wakes the worker early: a notice with copies was just committed
	mailer mail.Slot             // where email copies go: the live mailer from boot, or a test's fake
	clock  clock.Clock           // "now" of due times, leases, backoff and read marks; set at boot
	cfg    func() *config.Config // the configuration, handed at boot
}

func New() *sNotify { return &sNotify{kick: make(chan struct{}, 1), clock: clock.System} }

// SetMailer hands the service the mailer of its email copies and returns the one it held.
func (s *sNotify) SetMailer(m smtpmail.Mailer) (prev smtpmail.Mailer) { return s.mailer.Set(m) }

// SetClock hands the service its clock; boot calls it before Start.
func (s *sNotify) SetClock(c clock.Clock) {
	if c != nil {
		s.clock = c
	}
}

// Configure hands the service the configuration it reads; boot calls it before Start.
func (s *sNotify) Configure(cfg func() *config.Config) { s.cfg = cfg }

// now is the service's clock as the database stores it.
func (s *sNotify) now() *gtime.Time { return gtime.New(s.clock.Now()) }

// Start runs the delivery worker on this node, unless the node runs no background work
// (kami.jobs.enabled=false: the cron nodes deliver). Announcements due later are sent by the
// notify.announcements job, which the scheduler runs once across nodes.
func (s *sNotify) Start(ctx context.Context) error {
	if !s.cfg().Jobs.Enabled {
		g.Log().Info(ctx, "notify: delivery worker off on this node (kami.jobs.enabled=false)")
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cancel != nil {
		return nil
	}
	var wctx context.Context
	wctx, s.cancel = context.WithCancel(context.WithoutCancel(ctx))
	s.done = make(chan struct{})
	go s.work(wctx, s.done)
	return nil
}

// Stop ends the worker and waits for the delivery in hand, which is bounded by the mail
// timeout. Rows it did not reach stay due for the next node or boot.
func (s *sNotify) Stop() {
	s.mu.Lock()
	cancel, done := s.cancel, s.done
	s.cancel, s.done = nil, nil
	s.mu.Unlock()
	if cancel != nil {
		cancel()
		<-done
	}
}

// wake nudges this node's worker; a no-op when it is already awake or not running.
func (s *sNotify) wake() {
	select {
	case s.kick <- struct{}{}:
	default:
	}
}
