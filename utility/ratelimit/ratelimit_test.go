package ratelimit

import (
	"context"
	"errors"
	"kami/internal/testkit/redistest"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// slack absorbs real time passing between calls on a real Redis.
const slack = 2 * time.Second

func TestBurstThenRefused(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b *backend) {
		l := New(b.Client(t))
		key := b.key("burst")
		lim := Limit{Rate: 1, Period: time.Hour, Burst: 5}
		for i := range lim.Burst {
			res := mustAllow(t, l, key, lim, 1)
			if !res.Allowed || res.Remaining != lim.Burst-1-i || res.RetryAfter != 0 {
				t.Fatalf("request %d: %+v", i, res)
			}
			within(t, "ResetAfter", res.ResetAfter, time.Duration(i+1)*time.Hour, slack)
		}
		res := mustAllow(t, l, key, lim, 1)
		if res.Allowed || res.Remaining != 0 {
			t.Fatalf("over burst: %+v", res)
		}
		within(t, "RetryAfter", res.RetryAfter, time.Hour, slack)
		within(t, "ResetAfter", res.ResetAfter, 5*time.Hour, slack)

		// The refused request must not have been counted, and the key must
		// carry a TTL so idle keys do not pile up in Redis.
		pttl, err := l.r.Do(context.Background(), "PTTL", key)
		if err != nil {
			t.Fatal(err)
		}
		within(t, "PTTL", time.Duration(pttl.Int64())*time.Millisecond, 5*time.Hour, slack)
	})
}

func TestRecoversAfterWaiting(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b *backend) {
		l := New(b.Client(t))
		key := b.key("recover")
		lim := Limit{Rate: 10, Period: time.Second, Burst: 2} // one per 100ms
		for range 2 {
			if res := mustAllow(t, l, key, lim, 1); !res.Allowed {
				t.Fatalf("within burst: %+v", res)
			}
		}
		res := mustAllow(t, l, key, lim, 1)
		if res.Allowed {
			t.Fatalf("over burst: %+v", res)
		}
		if b.exact() && res.RetryAfter != 100*time.Millisecond {
			t.Fatalf("RetryAfter = %v, want exactly 100ms", res.RetryAfter)
		}
		within(t, "RetryAfter", res.RetryAfter, 100*time.Millisecond, 90*time.Millisecond)

		b.advance(res.RetryAfter)
		if res := mustAllow(t, l, key, lim, 1); !res.Allowed {
			t.Fatalf("after RetryAfter: %+v", res)
		}

		// Idle for a full reset: back to the whole burst, state expired.
		b.advance(200*time.Millisecond + 10*time.Millisecond)
		if res := mustAllow(t, l, key, lim, 0); res.Remaining != 2 {
			t.Fatalf("after reset: %+v", res)
		}
		if n, err := l.r.Do(context.Background(), "EXISTS", key); err != nil || n.Int() != 0 {
			t.Fatalf("state not expired: exists=%v err=%v", n, err)
		}
	})
}

func TestAllowN(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b *backend) {
		l := New(b.Client(t))
		key := b.key("n")
		lim := PerHour(10) // one per 6 minutes, burst 10
		steps := []struct {
			n         int
			allowed   bool
			remaining int
			retry     time.Duration
		}{
			{0, true, 10, 0},                 // peek on a fresh key
			{7, true, 3, 0},                  // take 7 at once
			{4, false, 3, 6 * time.Minute},   // all or nothing: none taken
			{3, true, 0, 0},                  // exactly what is left
			{0, true, 0, 0},                  // peek does not consume
			{1, false, 0, 6 * time.Minute},   // empty
			{10, false, 0, 60 * time.Minute}, // a full burst needs a full reset
		}
		for i, s := range steps {
			res := mustAllow(t, l, key, lim, s.n)
			if res.Allowed != s.allowed || res.Remaining != s.remaining {
				t.Fatalf("step %d (n=%d): %+v", i, s.n, res)
			}
			within(t, "RetryAfter", res.RetryAfter, s.retry, slack)
		}
		for _, n := range []int{-1, 11} {
			_, err := l.AllowN(context.Background(), key, lim, n)
			mustIs(t, err, ErrInvalidLimit)
		}
	})
}

func TestKeysAreIndependent(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b *backend) {
		l := New(b.Client(t))
		lim := PerHour(3)
		if res := mustAllow(t, l, b.key("a"), lim, 3); !res.Allowed {
			t.Fatalf("a: %+v", res)
		}
		if res := mustAllow(t, l, b.key("a"), lim, 1); res.Allowed {
			t.Fatalf("a over limit: %+v", res)
		}
		if res := mustAllow(t, l, b.key("b"), lim, 1); !res.Allowed || res.Remaining != 2 {
			t.Fatalf("b affected by a: %+v", res)
		}
	})
}

// 200 concurrent callers on two independent clients against a burst of 50: a
// read-then-write split anywhere would let more than 50 through.
func TestConcurrentExactlyBurst(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b *backend) {
		limiters := []*Limiter{New(b.Client(t)), New(b.Client(t))}
		key := b.key("concurrent")
		lim := Limit{Rate: 1, Period: time.Hour, Burst: 50}
		var (
			allowed atomic.Int32
			wg      sync.WaitGroup
			errs    = make(chan error, 200)
		)
		for i := range 200 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				res, err := limiters[i%2].Allow(context.Background(), key, lim)
				if err != nil {
					errs <- err
					return
				}
				if res.Allowed {
					allowed.Add(1)
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		if got := allowed.Load(); got != 50 {
			t.Fatalf("allowed %d of 200, want exactly 50", got)
		}
	})
}

// The decision must follow the server's clock, not the caller's: with the
// server clock frozen (and set years away from ours), waiting locally must
// refill nothing, and moving the server clock must.
func TestUsesServerClock(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b *backend) {
		if !b.exact() {
			t.Skip("needs a server clock the test controls")
		}
		l := New(b.Client(t))
		key := b.key("clock")
		lim := Limit{Rate: 10, Period: time.Second, Burst: 1}
		mustAllow(t, l, key, lim, 1)
		time.Sleep(150 * time.Millisecond) // > interval on our clock only
		if res := mustAllow(t, l, key, lim, 1); res.Allowed {
			t.Fatalf("refilled by the client clock: %+v", res)
		}
		b.advance(100 * time.Millisecond)
		if res := mustAllow(t, l, key, lim, 1); !res.Allowed {
			t.Fatalf("not refilled by the server clock: %+v", res)
		}
	})
}

// After a Redis restart or SCRIPT FLUSH, EVALSHA fails with NOSCRIPT; the
// limiter must resend the source rather than report an outage.
func TestScriptCacheFlushed(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b *backend) {
		if b.MR == nil {
			t.Skip("flushing a shared Redis' script cache would disturb others")
		}
		l := New(b.Client(t))
		mustAllow(t, l, b.key("flush"), PerHour(5), 1)
		if err := l.r.GroupScript().ScriptFlush(context.Background()); err != nil {
			t.Fatal(err)
		}
		if res := mustAllow(t, l, b.key("flush"), PerHour(5), 1); !res.Allowed || res.Remaining != 3 {
			t.Fatalf("after flush: %+v", res)
		}
	})
}

func TestInvalidLimit(t *testing.T) {
	l := New(redistest.NewClient(t, redistest.ClosedAddr(t))) // never reached: rejected locally
	for _, lim := range []Limit{
		{},
		{Rate: 0, Period: time.Second, Burst: 1},
		{Rate: 1, Period: 0, Burst: 1},
		{Rate: 1, Period: time.Second, Burst: 0},
		{Rate: -1, Period: time.Second, Burst: 1},
		{Rate: 1, Period: 100 * 365 * 24 * time.Hour, Burst: 1000}, // span too long for exact Lua math
	} {
		_, err := l.Allow(context.Background(), "k", lim)
		mustIs(t, err, ErrInvalidLimit)
	}
}

func TestInterval(t *testing.T) {
	for _, tc := range []struct {
		lim  Limit
		want int64
	}{
		{PerSecond(10), 100_000},
		{PerSecond(3), 333_334}, // rounded up: never faster than asked
		{PerSecond(1_000_000), 1},
		{PerSecond(10_000_000), 1}, // below resolution: clamped to 1µs
		{PerHour(1), 3_600_000_000},
	} {
		got, err := tc.lim.Interval()
		if err != nil || got != tc.want {
			t.Errorf("%+v: interval %d, %v; want %d", tc.lim, got, err, tc.want)
		}
	}
}

func TestRedisDown(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b *backend) {
		cases := []struct {
			name  string
			setup func(t *testing.T) *Limiter
		}{
			{"closed port", func(t *testing.T) *Limiter { return New(redistest.NewClient(t, redistest.ClosedAddr(t))) }},
			{"server stopped", func(t *testing.T) *Limiter {
				if b.MR == nil {
					t.Skip("cannot stop a shared real Redis")
				}
				l := New(b.Client(t))
				mustAllow(t, l, b.key("down"), PerHour(5), 1) // warm pool and script
				b.MR.Close()
				return l
			}},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				l := tc.setup(t)
				start := time.Now()
				res, err := l.Allow(context.Background(), b.key("down"), PerHour(5))
				mustIs(t, err, ErrUnavailable)
				if errors.Is(err, ErrInvalidLimit) || res.Allowed {
					t.Fatalf("outage must not look like a decision: %+v, %v", res, err)
				}
				if el := time.Since(start); el > time.Second {
					t.Fatalf("took %v; an outage must fail fast", el)
				}
			})
		}
	})
}
