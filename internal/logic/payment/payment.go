// Package payment is the online top-up (seed 001 §12.1, issue 17): a user picks an amount, a
// payment order goes to a provider (Alipay, WeChat Pay), and the provider's asynchronous notify
// or an active query confirms it; the first confirmation credits the quota through the ledger,
// in the transaction of the order's guarded status change, so a payment credits once however
// many notifies and queries report it. Every step is in payment_logs.
package payment

import (
	"sync"
	"sync/atomic"
	"time"

	"kami/internal/clock"
	"kami/internal/config"
	"kami/internal/service"
)

// Order statuses.
const (
	StatusPending  = "pending"
	StatusPaid     = "paid"
	StatusClosed   = "closed"
	StatusRefunded = "refunded"
	// StatusRefunding: the quota went back through the ledger and the provider's refund is not
	// confirmed yet; repeating the refund asks the provider again under the same refund number.
	StatusRefunding = "refunding"
)

// Channels.
const (
	ChannelAlipay = "alipay"
	ChannelWechat = "wechat"
)

// QuotaTypeTopup and QuotaTypeTopupRefund are the ledger movement types of a paid top-up and
// of its refund.
const (
	QuotaTypeTopup       = "topup"
	QuotaTypeTopupRefund = "topup_refund"
)

type sPayment struct {
	clock atomic.Pointer[clock.Clock]
	cfg   atomic.Pointer[func() *config.Config]
	mu    sync.RWMutex
	// installed are providers a test (or boot) put in place of the ones built from settings.
	installed map[string]Provider
}

// instance is the registered service, for SetProvider.
var instance = New()

func init() {
	service.RegisterPayment(instance)
}

// New returns the payment service on the system clock, with the providers the settings describe.
func New() *sPayment {
	s := &sPayment{installed: map[string]Provider{}}
	s.SetClock(clock.System)
	return s
}

// SetClock is how boot (or a test) hands the service its clock.
func (s *sPayment) SetClock(c clock.Clock) { s.clock.Store(&c) }

// now is the service's time in UTC whole seconds, as DATETIME columns keep it.
func (s *sPayment) now() time.Time { return (*s.clock.Load()).Now().UTC().Truncate(time.Second) }

// SetProvider puts p in place of the channel's provider (a test's fake); nil goes back to the
// one the settings describe. It answers the previous one. A package function, not a service
// method, because the Provider interface is this package's own.
func SetProvider(channel string, p Provider) Provider { return instance.setProvider(channel, p) }

func (s *sPayment) setProvider(channel string, p Provider) Provider {
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.installed[channel]
	if p == nil {
		delete(s.installed, channel)
	} else {
		s.installed[channel] = p
	}
	return old
}
