// Package proxy resells the IPIPV dynamic (flow) and static (per-IP) proxies (spec/proxy.md):
// catalogue sync, agents' purchases charged through the ledger, callbacks as triggers, and
// reconcile jobs. The upstream is reached only through the narrow `upstream` interface.
package proxy

import (
	"sync"
	"sync/atomic"
	"time"

	"kami/internal/adapter/ipipv"
	"kami/internal/clock"
	"kami/internal/service"
	"kami/utility/redislock"
)

type sProxy struct {
	clock atomic.Pointer[clock.Clock]

	mu      sync.Mutex
	cfg     ipipv.Config
	client  *ipipv.Client
	breaker *ipipv.Breaker // one per node, kept across settings changes
	locks   *redislock.Locker
	// newUpstream builds the upstream for a configuration; tests may wrap it.
	newUpstream func(cfg ipipv.Config, br *ipipv.Breaker) *ipipv.Client
}

func init() {
	service.RegisterProxy(New())
}

// New returns the service on the system clock.
func New() *sProxy {
	s := &sProxy{newUpstream: ipipv.New}
	s.SetClock(clock.System)
	return s
}

// SetClock hands the service its clock (sync times, order ages, the breaker's cooldown).
func (s *sProxy) SetClock(c clock.Clock) {
	s.clock.Store(&c)
	s.mu.Lock()
	s.breaker = ipipv.NewBreaker(s.now)
	s.client = nil
	s.mu.Unlock()
}

func (s *sProxy) now() time.Time { return (*s.clock.Load()).Now().UTC().Truncate(time.Second) }
