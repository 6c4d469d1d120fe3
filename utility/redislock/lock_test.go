package redislock

import (
	"context"
	"errors"
	"kami/internal/testkit/redistest"
	"regexp"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestTryLockLifecycle(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b *backend) {
		ctx := context.Background()
		r := b.client(t)
		lk := New(r)
		key := b.key("life")

		l, err := lk.TryLock(ctx, key, 10*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		if l.Key() != key {
			t.Fatalf("Key() = %q", l.Key())
		}
		if !regexp.MustCompile(`^[0-9a-f]{32}$`).MatchString(l.Token()) {
			t.Fatalf("token %q is not 16 random bytes in hex", l.Token())
		}
		if got := get(t, r, key); got != l.Token() {
			t.Fatalf("stored value %q, want token", got)
		}
		if l.Lost() != nil {
			t.Fatal("Lost() must be nil without renewal")
		}

		_, err = New(b.client(t)).TryLock(ctx, key, time.Second)
		mustIs(t, err, ErrNotAcquired)

		if err := l.Refresh(ctx, 20*time.Second); err != nil {
			t.Fatal(err)
		}
		if err := l.Unlock(ctx); err != nil {
			t.Fatal(err)
		}
		if got := get(t, r, key); got != "" {
			t.Fatalf("key still set after Unlock: %q", got)
		}
		mustIs(t, l.Unlock(ctx), ErrNotHeld)
		mustIs(t, l.Refresh(ctx, time.Second), ErrNotHeld)

		l2, err := lk.TryLock(ctx, key, time.Second)
		if err != nil {
			t.Fatal(err)
		}
		if l2.Token() == l.Token() {
			t.Fatal("tokens must differ between acquisitions")
		}
		if err := l2.Unlock(ctx); err != nil {
			t.Fatal(err)
		}
	})
}

func TestInvalidTTL(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b *backend) {
		lk := New(b.client(t))
		for _, ttl := range []time.Duration{0, -time.Second, time.Microsecond} {
			if _, err := lk.TryLock(context.Background(), b.key("ttl"), ttl); err == nil ||
				errors.Is(err, ErrNotAcquired) || errors.Is(err, ErrUnavailable) {
				t.Fatalf("ttl %v: got %v, want a validation error", ttl, err)
			}
		}
	})
}

// Two independent clients, 200 goroutines, a plain int: any overlap of
// holders shows up as a lost update, an observed concurrency > 1, or a report
// from the race detector.
func TestMutualExclusion(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b *backend) {
		const workers = 200
		lockers := []*Locker{New(b.client(t)), New(b.client(t))}
		key := b.key("mutex")
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()

		var (
			counter    int
			holders    atomic.Int32
			maxHolders atomic.Int32
			wg         sync.WaitGroup
			errs       = make(chan error, workers)
		)
		for i := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				l, err := lockers[i%2].Lock(ctx, key, 10*time.Second)
				if err != nil {
					errs <- err
					return
				}
				n := holders.Add(1)
				for {
					m := maxHolders.Load()
					if n <= m || maxHolders.CompareAndSwap(m, n) {
						break
					}
				}
				v := counter
				runtime.Gosched()
				time.Sleep(50 * time.Microsecond)
				counter = v + 1
				holders.Add(-1)
				if err := l.Unlock(ctx); err != nil {
					errs <- err
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		if counter != workers {
			t.Fatalf("counter = %d, want %d", counter, workers)
		}
		if m := maxHolders.Load(); m != 1 {
			t.Fatalf("max concurrent holders = %d, want 1", m)
		}
	})
}

func TestExpiryFreesDeadHolder(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b *backend) {
		ctx := context.Background()
		key := b.key("dead")
		const ttl = 300 * time.Millisecond
		dead, err := New(b.client(t)).TryLock(ctx, key, ttl)
		if err != nil {
			t.Fatal(err)
		}
		other := New(b.client(t))
		_, err = other.TryLock(ctx, key, time.Second)
		mustIs(t, err, ErrNotAcquired)

		b.advance(ttl + 50*time.Millisecond) // the holder "died": no Unlock
		l, err := other.TryLock(ctx, key, time.Second)
		if err != nil {
			t.Fatalf("after ttl: %v", err)
		}
		// The dead holder coming back must not be able to release the new
		// owner's lock.
		mustIs(t, dead.Unlock(ctx), ErrNotHeld)
		if err := l.Unlock(ctx); err != nil {
			t.Fatal(err)
		}
	})
}

func TestLockWaits(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b *backend) {
		ctx := context.Background()
		key := b.key("wait")
		holder, err := New(b.client(t)).TryLock(ctx, key, 10*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		waiter := New(b.client(t))

		t.Run("gives up at deadline", func(t *testing.T) {
			dctx, cancel := context.WithTimeout(ctx, 150*time.Millisecond)
			defer cancel()
			start := time.Now()
			l, err := waiter.Lock(dctx, key, time.Second)
			if l != nil {
				t.Fatal("got a lock while another holds it")
			}
			mustIs(t, err, ErrNotAcquired, context.DeadlineExceeded)
			if el := time.Since(start); el < 140*time.Millisecond || el > time.Second {
				t.Fatalf("returned after %v, want about 150ms", el)
			}
		})

		t.Run("acquires after release", func(t *testing.T) {
			go func() {
				time.Sleep(100 * time.Millisecond)
				_ = holder.Unlock(ctx)
			}()
			wctx, cancel := context.WithTimeout(ctx, 5*time.Second)
			defer cancel()
			l, err := waiter.Lock(wctx, key, time.Second)
			if err != nil {
				t.Fatal(err)
			}
			if err := l.Unlock(ctx); err != nil {
				t.Fatal(err)
			}
		})
	})
}

func TestWrongOwnerCannotRelease(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b *backend) {
		ctx := context.Background()
		r := b.client(t)
		lk := New(r)
		key := b.key("owner")
		l, err := lk.TryLock(ctx, key, 10*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		forged := &Lock{locker: New(b.client(t)), key: key, token: "not-the-owner", ttl: time.Second}

		mustIs(t, forged.Unlock(ctx), ErrNotHeld)
		mustIs(t, forged.Refresh(ctx, time.Hour), ErrNotHeld)
		if got := get(t, r, key); got != l.Token() {
			t.Fatalf("after forged Unlock the key is %q, want the owner's token", got)
		}
		pttl, err := r.Do(ctx, "PTTL", key)
		if err != nil {
			t.Fatal(err)
		}
		if p := pttl.Int64(); p <= 0 || p > 10_000 {
			t.Fatalf("forged Refresh changed the TTL: PTTL=%d", p)
		}
		if err := l.Unlock(ctx); err != nil {
			t.Fatal(err)
		}
	})
}

// A Redis that cannot be reached must yield ErrUnavailable quickly, never a
// panic, a hang, ErrNotAcquired (which callers read as "busy, skip") or a
// silent success.
func TestRedisDown(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b *backend) {
		cases := []struct {
			name string
			// setup returns a Locker whose Redis is down.
			setup func(t *testing.T) *Locker
		}{
			{"closed port", func(t *testing.T) *Locker { return New(redistest.NewClient(t, redistest.ClosedAddr(t))) }},
			{"server stopped", func(t *testing.T) *Locker {
				if b.MR == nil {
					t.Skip("cannot stop a shared real Redis")
				}
				lk := New(b.client(t))
				// Warm the pool so the test also covers dead pooled conns.
				if _, err := lk.r.Do(context.Background(), "PING"); err != nil {
					t.Fatal(err)
				}
				b.MR.Close()
				return lk
			}},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				lk := tc.setup(t)
				ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
				defer cancel()
				key := b.key("down")
				start := time.Now()

				l, err := lk.TryLock(ctx, key, time.Second)
				if l != nil {
					t.Fatal("TryLock returned a lock")
				}
				mustIs(t, err, ErrUnavailable)
				if errors.Is(err, ErrNotAcquired) {
					t.Fatalf("outage reported as contention: %v", err)
				}

				_, err = lk.Lock(ctx, key, time.Second)
				mustIs(t, err, ErrUnavailable)

				called := false
				fn := func(context.Context) error { called = true; return nil }
				mustIs(t, lk.Do(ctx, key, time.Second, fn), ErrUnavailable)
				mustIs(t, lk.TryDo(ctx, key, time.Second, fn), ErrUnavailable)
				if called {
					t.Fatal("fn ran without the lock")
				}

				forged := &Lock{locker: lk, key: key, token: "x", ttl: time.Second}
				mustIs(t, forged.Unlock(ctx), ErrUnavailable)
				mustIs(t, forged.Refresh(ctx, time.Second), ErrUnavailable)

				if el := time.Since(start); el > 2*time.Second {
					t.Fatalf("took %v; an outage must fail fast", el)
				}
			})
		}
	})
}
