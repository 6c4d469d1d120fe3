// Package openapi is the API third-party software verifies cards through (openapi.md): the
// signed request check, the signed answer, verify/query/unbind and the public keys. It is the
// product's hot path: a repeat verification of an active card from a bound device is answered
// from snapshots (snapcache) and one Redis round trip (nonce and rate limits), and what it
// leaves behind — last verified times, history rows, card.verified events, call counts — is
// written in batches once a second.
package openapi

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/clock"
	"kami/internal/dao"
	"kami/internal/logic/settings"
	"kami/internal/retention"
	"kami/internal/service"
	"kami/utility/redisscript"
)

// Settings of the OpenAPI (系统配置 > OpenAPI); the per-project limits are the project's own.
const (
	// SettingBanThreshold: refused calls (bad signatures, rate-limit hits) from one IP within
	// SettingBanWindow that get the IP banned from the whole OpenAPI for SettingBanDuration
	// (seed 001 §8.1 "超过限制会被临时封禁").
	SettingBanThreshold = "openapi.ipBanThreshold"
	SettingBanWindow    = "openapi.ipBanWindow"
	SettingBanDuration  = "openapi.ipBanDuration"
)

func init() {
	service.RegisterOpenapi(New())
	// The verification history is a log: archived and deleted past kami.logRetention like the
	// operation and login logs.
	retention.Register(retention.Table{Name: dao.CardVerifications.Table(), TimeCol: dao.CardVerifications.Columns().CreatedAt})
	settings.Define(settings.Def{Key: SettingBanThreshold, Group: "openapi", Type: settings.TypeInt, Default: int64(30),
		Min: settings.Bound(1), Max: settings.Bound(1_000_000)})
	settings.Define(settings.Def{Key: SettingBanWindow, Group: "openapi", Type: settings.TypeDuration, Default: time.Minute,
		Min: settings.Bound(int64(time.Second)), Max: settings.Bound(int64(24 * time.Hour))})
	settings.Define(settings.Def{Key: SettingBanDuration, Group: "openapi", Type: settings.TypeDuration, Default: 15 * time.Minute,
		Min: settings.Bound(int64(time.Second)), Max: settings.Bound(int64(7 * 24 * time.Hour))})
}

type sOpenapi struct {
	clock atomic.Pointer[clock.Clock]
	seen  *seenBuffer
	bans  *banList
	// pipe batches concurrent admissions (nonce and limits) into shared Redis pipelines; nil
	// until Start, when a call goes out alone.
	pipe atomic.Pointer[redisscript.Pipeline]

	mu     sync.Mutex
	cancel context.CancelFunc
	done   chan struct{}
}

// New returns the service on the system clock.
func New() *sOpenapi {
	s := &sOpenapi{seen: newSeenBuffer(), bans: newBanList()}
	s.SetClock(clock.System)
	return s
}

// SetClock hands the service its clock: request timestamps, activation and expiry, bans.
func (s *sOpenapi) SetClock(c clock.Clock) { s.clock.Store(&c) }

func (s *sOpenapi) now() time.Time { return (*s.clock.Load()).Now().UTC().Truncate(time.Second) }

// flushEvery is the batching window of what verifications leave behind.
const flushEvery = time.Second

// Start runs the once-a-second work of this node: writing the batched verification traces
// and refreshing the list of banned IPs every node refuses.
func (s *sOpenapi) Start(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cancel != nil {
		return nil
	}
	if s.pipe.Load() == nil {
		pipe, err := redisscript.NewPipeline(g.Redis(), admitLanes, admitTimeout)
		if err != nil {
			return err
		}
		s.pipe.Store(pipe)
	}
	ctx, s.cancel = context.WithCancel(context.WithoutCancel(ctx))
	s.done = make(chan struct{})
	go s.loop(ctx, s.done)
	return nil
}

func (s *sOpenapi) loop(ctx context.Context, done chan struct{}) {
	defer close(done)
	t := time.NewTicker(flushEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			s.flush(ctx)
			s.bans.refresh(ctx, s.now())
		}
	}
}

// Stop ends the loop and writes what is still buffered, so a graceful restart loses nothing.
func (s *sOpenapi) Stop() {
	s.mu.Lock()
	cancel, done := s.cancel, s.done
	s.cancel, s.done = nil, nil
	s.mu.Unlock()
	if cancel == nil {
		return
	}
	cancel()
	<-done
	s.flush(context.Background())
}

// Flush writes the buffered verification traces now (tests, and the bench's phases).
func (s *sOpenapi) Flush(ctx context.Context) { s.flush(ctx) }
