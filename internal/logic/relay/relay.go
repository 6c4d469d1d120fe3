// Package relay is the AI API relay (relay.md): the OpenAI-compatible /v1 pipeline — token
// admission, channel selection and failover, billing through the quota ledger — and, later,
// its admin side. The pipeline is split by concept: tokens.go (keys, lookup), snapshot.go
// (channels, prices, groups in memory), failover.go (selection, attempts), billing.go (the
// formula), settle.go (reservation and settlement), pipeline.go (the /v1 handlers).
package relay

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/adapter/openaicompat"
	"kami/internal/clock"
	"kami/internal/config"
	"kami/internal/service"
	"kami/utility/redislock"
)

// Defaults of the relay settings (relay.md §7) until they are declared through the settings
// service.
const (
	defaultRetryTimes        = 2
	defaultCompletionReserve = 1024
	attemptWindow            = 120 * time.Second
	firstByteTimeout         = 60 * time.Second
)

type sRelay struct {
	clock    atomic.Pointer[clock.Clock]
	cfg      atomic.Pointer[func() *config.Config]
	upstream openaicompat.Upstream
	snap     atomic.Pointer[snapshot]
	tokens   *tokenCache

	mu    sync.Mutex
	locks *redislock.Locker
	tasks taskGroup // background test-all runs
}

func init() {
	service.RegisterRelay(New())
}

// New returns the service on the system clock with the real HTTP adapter.
func New() *sRelay {
	s := &sRelay{tokens: newTokenCache()}
	s.upstream = openaicompat.NewHTTP(openaicompat.HTTPOptions{MaxLineBytes: s.sseLineLimit})
	s.SetClock(clock.System)
	return s
}

// SetClock is how boot (or a test) hands the service its clock: token expiry and log times
// are measured on it.
func (s *sRelay) SetClock(c clock.Clock) { s.clock.Store(&c) }

func (s *sRelay) now() time.Time { return (*s.clock.Load()).Now() }

// Invalidate drops the node's caches after a write to tokens, channels, prices, groups or a
// user's status: the next request rebuilds the snapshot and re-reads the token.
func (s *sRelay) Invalidate(ctx context.Context) {
	s.snap.Store(nil)
	s.tokens.clear(ctx)
}

// invalidate follows every admin write, after its commit: the change must be in force on
// /v1 (§6). kind and id name what changed.
func (s *sRelay) invalidate(ctx context.Context, kind string, id int64) {
	_, _ = kind, id
	s.Invalidate(ctx)
}

func (s *sRelay) locker() *redislock.Locker {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.locks == nil {
		s.locks = redislock.New(g.Redis(), redislock.WithBackoff(2*time.Millisecond, 50*time.Millisecond))
	}
	return s.locks
}
