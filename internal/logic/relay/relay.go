// Package relay is the AI API relay (relay.md): the OpenAI-compatible /v1 pipeline — token
// admission, channel selection and failover, billing through the quota ledger — and, later,
// its admin side. The pipeline is split by concept: tokens.go (keys, lookup), snapshot.go
// (channels, prices, groups in memory), failover.go (selection, attempts), billing.go (the
// formula), settle.go (reservation and settlement), pipeline.go (the /v1 handlers), usage.go,
// prompt_tokens.go and tokenizer.go (usage without the upstream's: tiktoken counts).
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

// Defaults of the relay settings (relay.md §7, settings.go) and the attempt window, which is
// the contract's constant: no attempt starts 120 s after the request began.
const (
	defaultRetryTimes        = 2
	defaultCompletionReserve = 1024
	attemptWindow            = 120 * time.Second
	firstByteTimeout         = 60 * time.Second
)

type sRelay struct {
	clock    atomic.Pointer[clock.Clock]
	cfg      atomic.Pointer[func() *config.Config]
	upstream atomic.Pointer[upstreamRef] // the adapter (tests swap it: SetUpstreamForTest)
	snap     atomic.Pointer[snapshot]
	snapGen  atomic.Uint64 // bumped by every invalidation: a build started before one is not kept
	snapMu   sync.Mutex    // makes the generation check and the store one step
	tokens   *tokenCache
	inval    *invalidator
	cool     *cooler
	limits   atomic.Pointer[streamLimits] // tests only: shorter keep-alive and stream limits

	mu    sync.Mutex
	locks *redislock.Locker
	tasks taskGroup // background test-all runs
}

func init() {
	service.RegisterRelay(New())
}

// New returns the service on the system clock with the real HTTP adapter.
func New() *sRelay {
	s := &sRelay{tokens: newTokenCache(), inval: newInvalidator(), cool: newCooler()}
	s.upstream.Store(&upstreamRef{openaicompat.NewHTTP(openaicompat.HTTPOptions{MaxLineBytes: s.sseLineLimit,
		FatalKeywords: func() []string { return service.Settings().Strings("relay.fatalKeywords") }})})
	s.SetClock(clock.System)
	return s
}

type upstreamRef struct{ openaicompat.Upstream }

func (s *sRelay) up() openaicompat.Upstream { return s.upstream.Load().Upstream }

// SetClock is how boot (or a test) hands the service its clock: token expiry and log times
// are measured on it.
func (s *sRelay) SetClock(c clock.Clock) { s.clock.Store(&c) }

func (s *sRelay) now() time.Time { return (*s.clock.Load()).Now() }

// Invalidate drops this node's caches (tests use it after seeding rows directly): the next
// request rebuilds the snapshot and re-reads tokens. Admin writes go through invalidate, which
// also tells the other nodes.
func (s *sRelay) Invalidate(ctx context.Context) {
	s.dropSnapshot()
	s.tokens.clear(ctx)
}

// UserChanged is the hook the user module calls after a user's status changed: the user's
// cached status (and so its tokens' admission) is dropped on every node.
func (s *sRelay) UserChanged(ctx context.Context, userID int64) {
	s.invalidate(ctx, "user", userID)
}

// invalidate follows every admin write, after its commit: the change must be in force on
// /v1 on every node within 2 s (§6). kind names what changed (token, user, channel, price,
// group), id its row; hashes are the token key hashes whose L2 entries are stale.
func (s *sRelay) invalidate(ctx context.Context, kind string, id int64, hashes ...string) {
	switch kind {
	case "token":
		s.tokens.drop(ctx, hashes...)
	case "user":
		s.tokens.dropUser(ctx, id)
	default:
		s.dropSnapshot()
	}
	s.announce(ctx, kind, id, hashes...)
}

func (s *sRelay) locker() *redislock.Locker {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.locks == nil {
		s.locks = redislock.New(g.Redis(), redislock.WithBackoff(2*time.Millisecond, 50*time.Millisecond))
	}
	return s.locks
}
