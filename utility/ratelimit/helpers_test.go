package ratelimit

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"

	"kami/internal/testkit/redistest"
)

// backend is one Redis the tests run against: a fresh miniredis per test with a frozen clock,
// or the real Redis named by KAMI_TEST_REDIS.
type backend struct {
	*redistest.Backend

	mu  sync.Mutex
	now time.Time // miniredis clock
}

func forEachBackend(t *testing.T, f func(t *testing.T, b *backend)) {
	t.Helper()
	start := time.Unix(1_700_000_000, 0)
	// A frozen server clock makes every duration exact. ClockTTL lets the same clock expire
	// keys, as Redis' own clock would.
	setup := func(mr *miniredis.Miniredis) { mr.SetTime(start); mr.ClockTTL(true) }
	redistest.ForEach(t, "ratelimit", setup, func(t *testing.T, rb *redistest.Backend) {
		f(t, &backend{Backend: rb, now: start})
	})
}

func (b *backend) key(name string) string { return b.Key(name) }

// exact reports whether the server clock stands still between calls, so
// results can be compared with ==; on real Redis time moves on meanwhile.
func (b *backend) exact() bool { return b.MR != nil }

// advance moves the server clock by d.
func (b *backend) advance(d time.Duration) {
	if b.MR == nil {
		time.Sleep(d)
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.now = b.now.Add(d)
	b.MR.SetTime(b.now)
}

func mustAllow(t *testing.T, l *Limiter, key string, lim Limit, n int) Result {
	t.Helper()
	res, err := l.AllowN(context.Background(), key, lim, n)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func mustIs(t *testing.T, err error, target error) {
	t.Helper()
	if !errors.Is(err, target) {
		t.Fatalf("error %v: want errors.Is(%v)", err, target)
	}
}

// within checks got is in [want-slack, want]: on a moving clock, durations
// measured later can only have shrunk.
func within(t *testing.T, what string, got, want, slack time.Duration) {
	t.Helper()
	if got > want || got < want-slack {
		t.Fatalf("%s = %v, want %v (-%v)", what, got, want, slack)
	}
}
