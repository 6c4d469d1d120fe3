package redislock

import (
	"context"
	"errors"
	"kami/internal/testkit/redistest"
	"testing"
	"time"
)

// probeHeld checks every 20ms, until stop closes, that a rival cannot take
// key. A success that returns after stop closed is not held against the
// holder: it may have released in between.
func probeHeld(t *testing.T, rival *Locker, key string, stop <-chan struct{}) <-chan error {
	t.Helper()
	out := make(chan error, 1)
	go func() {
		defer close(out)
		for {
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
			l, err := rival.TryLock(context.Background(), key, time.Minute)
			if err == nil {
				_ = l.Unlock(context.Background())
				select {
				case <-stop:
				default:
					out <- errors.New("rival took the lock while it should be held")
				}
				return
			}
			if !errors.Is(err, ErrNotAcquired) {
				out <- err
				return
			}
		}
	}()
	return out
}

// holdFunc keeps key for a while; it closes held once it owns the lock and
// leaving just before it lets go.
type holdFunc func(lk *Locker, key string, held, leaving chan<- struct{}) error

// A holder working 1s under a 300ms ttl keeps the lock only through renewal;
// the "no renewal" row proves the backend really expires keys in that time.
func TestRenewalKeepsLongHolder(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b *backend) {
		const ttl = 300 * time.Millisecond
		const work = time.Second
		cases := []struct {
			name     string
			hold     holdFunc
			wantHeld bool
		}{
			{"Do", func(lk *Locker, key string, held, leaving chan<- struct{}) error {
				return lk.Do(context.Background(), key, ttl, func(ctx context.Context) error {
					close(held)
					defer close(leaving)
					select {
					case <-time.After(work):
						return nil
					case <-ctx.Done():
						return context.Cause(ctx)
					}
				})
			}, true},
			{"WithAutoRenew", func(lk *Locker, key string, held, leaving chan<- struct{}) error {
				l, err := New(lk.r, WithAutoRenew()).TryLock(context.Background(), key, ttl)
				if err != nil {
					return err
				}
				close(held)
				defer l.Unlock(context.Background())
				defer close(leaving)
				select {
				case <-time.After(work):
					return nil
				case <-l.Lost():
					return errors.New("renewal reported the lock lost")
				}
			}, true},
			{"no renewal", func(lk *Locker, key string, held, leaving chan<- struct{}) error {
				if _, err := lk.TryLock(context.Background(), key, ttl); err != nil {
					return err
				}
				close(held)
				time.Sleep(work)
				close(leaving)
				return nil
			}, false},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				key := b.key("renew:" + tc.name)
				holder, rival := New(b.client(t)), New(b.client(t))
				held, leaving := make(chan struct{}), make(chan struct{})
				done := make(chan error, 1)
				go func() { done <- tc.hold(holder, key, held, leaving) }()
				select {
				case <-held:
				case err := <-done:
					t.Fatalf("holder did not get the lock: %v", err)
				}
				probeErr := <-probeHeld(t, rival, key, leaving)
				if err := <-done; err != nil {
					t.Fatalf("holder: %v", err)
				}
				if tc.wantHeld && probeErr != nil {
					t.Fatal(probeErr)
				}
				if !tc.wantHeld && probeErr == nil {
					t.Fatal("lock without renewal outlived its ttl; expiry is not simulated")
				}
				if tc.wantHeld {
					l, err := rival.TryLock(context.Background(), key, time.Second)
					if err != nil {
						t.Fatalf("not released after holder finished: %v", err)
					}
					_ = l.Unlock(context.Background())
				}
			})
		}
	})
}

func TestDoSemantics(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b *backend) {
		ctx := context.Background()
		lk := New(b.client(t))
		free := func(t *testing.T, key string) {
			t.Helper()
			l, err := lk.TryLock(ctx, key, time.Second)
			if err != nil {
				t.Fatalf("lock not released: %v", err)
			}
			_ = l.Unlock(ctx)
		}

		t.Run("fn error is returned and lock released", func(t *testing.T) {
			boom := errors.New("boom")
			key := b.key("fnerr")
			mustIs(t, lk.Do(ctx, key, time.Second, func(context.Context) error { return boom }), boom)
			free(t, key)
		})

		t.Run("TryDo on a held key does not call fn", func(t *testing.T) {
			key := b.key("busy")
			held, err := lk.TryLock(ctx, key, 10*time.Second)
			if err != nil {
				t.Fatal(err)
			}
			defer held.Unlock(ctx)
			err = New(b.client(t)).TryDo(ctx, key, time.Second, func(context.Context) error {
				t.Error("fn called without the lock")
				return nil
			})
			mustIs(t, err, ErrNotAcquired)

			dctx, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
			defer cancel()
			err = lk.Do(dctx, key, time.Second, func(context.Context) error {
				t.Error("fn called without the lock")
				return nil
			})
			mustIs(t, err, ErrNotAcquired, context.DeadlineExceeded)
		})

		t.Run("released after panic", func(t *testing.T) {
			key := b.key("panic")
			func() {
				defer func() {
					if recover() == nil {
						t.Error("panic swallowed")
					}
				}()
				_ = lk.Do(ctx, key, time.Second, func(context.Context) error { panic("fn") })
			}()
			free(t, key)
		})

		t.Run("released when caller ctx ends inside fn", func(t *testing.T) {
			key := b.key("cancel")
			cctx, cancel := context.WithCancel(ctx)
			err := lk.Do(cctx, key, time.Second, func(fctx context.Context) error {
				cancel()
				<-fctx.Done()
				return fctx.Err()
			})
			mustIs(t, err, context.Canceled)
			free(t, key)
		})
	})
}

// If another owner takes over (here forced, as after a long GC pause past
// expiry), renewal must notice and cancel fn's context.
func TestDoCancelsFnWhenLockTaken(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b *backend) {
		const ttl = 300 * time.Millisecond
		r := b.client(t)
		key := b.key("taken")
		start := time.Now()
		var cause error
		err := New(r).Do(context.Background(), key, ttl, func(ctx context.Context) error {
			if _, err := r.Do(ctx, "SET", key, "usurper", "PX", 10_000); err != nil {
				return err
			}
			waitDone(t, ctx.Done(), ttl, "fn ctx cancel after takeover")
			cause = context.Cause(ctx)
			return ctx.Err()
		})
		mustIs(t, cause, ErrNotHeld)
		mustIs(t, err, ErrNotHeld, context.Canceled)
		if got := get(t, r, key); got != "usurper" {
			t.Fatalf("Do released the new owner's lock: key=%q", got)
		}
		t.Logf("noticed in %v", time.Since(start))
	})
}

// Redis dying mid-fn: renewal can no longer confirm the lock, so fn must be
// cancelled before the lock can expire, and Do must not report success.
func TestDoRedisGoesDown(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b *backend) {
		if b.MR == nil {
			t.Skip("cannot stop a shared real Redis")
		}
		const ttl = 300 * time.Millisecond
		var fnEnd time.Duration
		start := time.Now()
		err := New(b.client(t)).Do(context.Background(), b.key("dies"), ttl, func(ctx context.Context) error {
			b.MR.Close()
			waitDone(t, ctx.Done(), ttl+200*time.Millisecond, "fn ctx cancel after outage")
			fnEnd = time.Since(start)
			return nil
		})
		mustIs(t, err, ErrNotHeld, ErrUnavailable)
		if fnEnd >= ttl {
			t.Fatalf("fn cancelled after %v, not before the %v ttl ran out", fnEnd, ttl)
		}
	})
}

// A hung Redis (no replies, no resets) must not keep fn running past expiry:
// the watchdog counts from the last confirmed refresh, not from the reply.
func TestDoRedisHangs(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b *backend) {
		if b.Cluster {
			t.Skip("a proxy in front of one node cannot freeze a cluster")
		}
		const ttl = 300 * time.Millisecond
		p := startProxy(t, b.Addr)
		key := b.key("hang")
		start := time.Now()
		var fnEnd time.Duration
		err := New(redistest.NewClient(t, p.addr())).Do(context.Background(), key, ttl, func(ctx context.Context) error {
			p.frozen.Store(true)
			waitDone(t, ctx.Done(), ttl+200*time.Millisecond, "fn ctx cancel while Redis hangs")
			fnEnd = time.Since(start)
			mustIs(t, context.Cause(ctx), ErrNotHeld)
			p.frozen.Store(false) // let the release through
			return nil
		})
		mustIs(t, err, ErrNotHeld)
		if fnEnd >= ttl {
			t.Fatalf("fn cancelled after %v, not before the %v ttl ran out", fnEnd, ttl)
		}
		// The key outlived our validity window on the server only as long
		// as its own ttl; whatever Unlock found, it must be gone now.
		b.advance(ttl)
		if got := get(t, b.client(t), key); got != "" {
			t.Fatalf("key left behind: %q", got)
		}
	})
}
