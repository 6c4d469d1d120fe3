// Package outbox is the one durable outbox of every module. A module writes an event with
// Emit inside the transaction of the change that caused it, so the event exists exactly when
// the change does; workers on every node claim due events with a conditional UPDATE (a lease
// and the attempt number), post them signed as openapi.md's webhooks, log every attempt, and
// retry failures with exponential backoff and jitter until the attempt budget is spent. An
// event is delivered at least once, under one id the subscriber de-duplicates by; an attempt
// number is sent at most once, whichever node sends it.
package outbox

import (
	"context"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"kami/internal/adapter/webhook"
	"kami/internal/clock"
	"kami/internal/config"
	"kami/internal/consts"
	"kami/internal/logic/rbac"
	"kami/internal/logic/settings"
	"kami/internal/service"
)

// Event statuses, and the statuses of one attempt in the delivery log.
const (
	StatusPending   = "pending"
	StatusDelivered = "delivered"
	StatusFailed    = "failed"

	AttemptSuccess = "success"
	AttemptFailed  = "failed"
)

// Settings of the outbox, live on every node.
const (
	SettingMaxAttempts  = "outbox.maxAttempts"
	SettingTimeout      = "outbox.timeout"
	SettingConcurrency  = "outbox.concurrency"
	SettingAllowPrivate = "outbox.allowPrivateTargets"
)

const (
	// pollInterval is how often an idle node looks for due events; an Emit on this node, and
	// a finished delivery, wake it sooner.
	pollInterval = time.Second
	// leaseFor is how long a claim keeps other nodes off an event. It is well above the
	// longest allowed attempt (outbox.timeout, at most 10 s) plus recording it, so a live
	// node always finishes inside its lease; a node that died mid-attempt holds the event
	// this long, then another node tries it under the next attempt number.
	leaseFor = time.Minute
)

// Sender carries one signed request and returns the answer's status and the start of its
// body; an error means no answer came. internal/adapter/webhook is the real one.
type Sender interface {
	Post(ctx context.Context, url string, header http.Header, body []byte) (status int, respBody []byte, err error)
}

type sOutbox struct {
	clock  atomic.Pointer[func() time.Time]
	sender atomic.Pointer[Sender]
	cfg    func() *config.Config

	mu       sync.Mutex
	cancel   context.CancelFunc // stops the poll loop; nil while it is not running
	loopDone chan struct{}
	stopping bool           // Stop is waiting: no new attempt may start
	busy     int            // attempts reserved or in flight on this node
	inflight sync.WaitGroup // the same attempts, for Stop
	wakeCh   chan struct{}
}

func init() {
	service.RegisterOutbox(New())
	settings.Define(settings.Def{Key: SettingMaxAttempts, Type: settings.TypeInt, Default: 10,
		Min: settings.Bound(minAttempts), Max: settings.Bound(30)})
	settings.Define(settings.Def{Key: SettingTimeout, Type: settings.TypeDuration, Default: 10 * time.Second,
		Min: settings.Bound(int64(time.Second)), Max: settings.Bound(int64(10 * time.Second))})
	settings.Define(settings.Def{Key: SettingConcurrency, Type: settings.TypeInt, Default: 8,
		Min: settings.Bound(1), Max: settings.Bound(64)})
	settings.Define(settings.Def{Key: SettingAllowPrivate, Type: settings.TypeBool, Default: false})
	rbac.Register(rbac.Node{
		Type: rbac.TypeMenu, Name: "SystemOutbox", Parent: "System", Path: "/system/outbox", Component: "/system/outbox/list",
		Title: "menu.system.outbox", Icon: "lucide:send", Sort: 7,
		Roles: []string{consts.RoleSuperAdmin},
		Children: []rbac.Node{
			{Type: rbac.TypeButton, AuthCode: "System:Outbox:List", Title: "menu.system.outbox.list", Sort: 1,
				APIs: []string{"GET /api/system/outbox/list", "GET /api/system/outbox/{id}/deliveries"}},
			{Type: rbac.TypeButton, AuthCode: "System:Outbox:Redeliver", Title: "menu.system.outbox.redeliver", Sort: 2,
				APIs: []string{"POST /api/system/outbox/{id}/redeliver"}},
		},
	})
}

// New returns an outbox on the system clock that posts through the real HTTP adapter.
func New() *sOutbox {
	s := &sOutbox{wakeCh: make(chan struct{}, 1)}
	now := time.Now
	s.clock.Store(&now)
	var sender Sender = webhook.New(webhook.Options{
		AllowPrivate: func() bool { return service.Settings().Bool(SettingAllowPrivate) },
		MaxBody:      maxAnswer,
	})
	s.sender.Store(&sender)
	return s
}

// now is the outbox's clock, in UTC and whole seconds: DATETIME keeps seconds, so every
// instant compared in SQL is one the column can hold exactly, on both dialects.
func (s *sOutbox) now() time.Time { return (*s.clock.Load())().UTC().Truncate(time.Second) }

// SetClock hands the outbox its clock (backoff, leases, due times); boot calls it before Start.
func (s *sOutbox) SetClock(c clock.Clock) {
	if c != nil {
		now := c.Now
		s.clock.Store(&now)
	}
}

// Configure hands the outbox the configuration it reads (this node's id for leases); boot
// calls it before Start.
func (s *sOutbox) Configure(cfg func() *config.Config) { s.cfg = cfg }

func (s *sOutbox) send() Sender { return *s.sender.Load() }

// wake makes the poll loop look for due events now instead of at its next tick.
func (s *sOutbox) wake() {
	select {
	case s.wakeCh <- struct{}{}:
	default:
	}
}
