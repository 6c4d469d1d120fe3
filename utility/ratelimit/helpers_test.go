package ratelimit

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"net"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	_ "github.com/gogf/gf/contrib/nosql/redis/v2"
	"github.com/gogf/gf/v2/database/gredis"
)

// runID keeps keys of concurrent test runs against one shared Redis apart.
var runID = func() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}()

// backend is one Redis the tests run against: a fresh miniredis per test with
// a frozen clock, or the real Redis named by KAMI_TEST_REDIS.
type backend struct {
	addr   string
	mr     *miniredis.Miniredis // nil for real Redis
	prefix string

	mu  sync.Mutex
	now time.Time // miniredis clock
}

func forEachBackend(t *testing.T, f func(t *testing.T, b *backend)) {
	t.Helper()
	t.Run("miniredis", func(t *testing.T) {
		mr, err := miniredis.Run()
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(mr.Close)
		// A frozen server clock makes every duration exact. ClockTTL lets the
		// same clock expire keys, as Redis' own clock would.
		b := &backend{addr: mr.Addr(), mr: mr, prefix: keyPrefix(t), now: time.Unix(1_700_000_000, 0)}
		mr.SetTime(b.now)
		mr.ClockTTL(true)
		f(t, b)
	})
	addr := os.Getenv("KAMI_TEST_REDIS")
	if addr == "" {
		return
	}
	t.Run("redis", func(t *testing.T) {
		b := &backend{addr: addr, prefix: keyPrefix(t)}
		t.Cleanup(func() { b.cleanup(t) })
		f(t, b)
	})
}

func keyPrefix(t *testing.T) string {
	return "kamitest:ratelimit:" + runID + ":" + t.Name() + ":"
}

func (b *backend) key(name string) string { return b.prefix + name }

// exact reports whether the server clock stands still between calls, so
// results can be compared with ==; on real Redis time moves on meanwhile.
func (b *backend) exact() bool { return b.mr != nil }

// advance moves the server clock by d.
func (b *backend) advance(d time.Duration) {
	if b.mr == nil {
		time.Sleep(d)
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.now = b.now.Add(d)
	b.mr.SetTime(b.now)
}

func (b *backend) client(t *testing.T) *gredis.Redis {
	t.Helper()
	return newClient(t, b.addr)
}

func newClient(t *testing.T, addr string) *gredis.Redis {
	t.Helper()
	r, err := gredis.New(&gredis.Config{
		Address:      addr,
		DialTimeout:  2 * time.Second, // refused ports fail at once anyway
		ReadTimeout:  3 * time.Second,
		WriteTimeout: 3 * time.Second,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = r.Close(context.Background()) })
	return r
}

func (b *backend) cleanup(t *testing.T) {
	r := newClient(t, b.addr)
	ctx := context.Background()
	v, err := r.Do(ctx, "KEYS", b.prefix+"*")
	if err != nil {
		t.Errorf("cleanup: %v", err)
		return
	}
	for _, k := range v.Strings() {
		if _, err := r.Do(ctx, "DEL", k); err != nil {
			t.Errorf("cleanup %s: %v", k, err)
		}
	}
}

func closedAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	_ = ln.Close()
	return addr
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
