// Package quota is the agents' money (额度): one account per user with an available and a
// frozen part, and a double-entry ledger every change is written to in the same transaction.
// The Go API (Reserve, Commit, Release, Debit, Credit, Transfer) serves the other modules; the
// HTTP operations (recharge, transfer, withdrawal, risk review, queries) are built on it.
//
// Every operation holds the Redis locks of the accounts it touches (in id order), runs in one
// database transaction, and debits with a conditional UPDATE (available >= amount), which stays
// the final guard should a lock ever be lost.
package quota

import (
	"sync/atomic"
	"time"

	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/clock"
	"kami/internal/config"
	"kami/internal/service"
	"kami/utility/redislock"
)

type sQuota struct {
	clock  atomic.Pointer[clock.Clock]
	locker atomic.Pointer[redislock.Locker]
	units  atomic.Int64 // units per yuan, fixed at first boot (Start)
	cfg    atomic.Pointer[func() *config.Config]
}

func init() {
	service.RegisterQuota(New())
}

// New returns the ledger on the system clock.
func New() *sQuota {
	s := &sQuota{}
	s.SetClock(clock.System)
	s.units.Store(100)
	return s
}

// Configure is how boot hands the ledger its configuration.
func (s *sQuota) Configure(cfg func() *config.Config) { s.cfg.Store(&cfg) }

// config is the configuration boot handed over.
func (s *sQuota) config() *config.Config { return (*s.cfg.Load())() }

// SetClock is how boot (or a test) hands the ledger its clock.
func (s *sQuota) SetClock(c clock.Clock) { s.clock.Store(&c) }

// now is the ledger's time, in UTC and whole seconds, as DATETIME columns keep it.
func (s *sQuota) now() time.Time { return (*s.clock.Load()).Now().UTC().Truncate(time.Second) }

// locks returns the account locker, made on first use: Redis is opened after the services
// register, and a test may replace the Redis client between server starts.
func (s *sQuota) locks() *redislock.Locker {
	if l := s.locker.Load(); l != nil {
		return l
	}
	l := redislock.New(g.Redis(), redislock.WithBackoff(2*time.Millisecond, 20*time.Millisecond))
	s.locker.CompareAndSwap(nil, l)
	return s.locker.Load()
}
