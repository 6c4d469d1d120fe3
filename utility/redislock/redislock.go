// Package redislock is a single-instance Redis lock (SET NX PX plus an owner
// token) with token-checked release and refresh, and optional renewal.
//
// It only uses plain commands and small Lua scripts, so it behaves the same on
// real Redis and on the embedded miniredis. Note that miniredis only lets keys
// expire on its own when ClockTTL(true) is enabled; without it, a holder that
// dies without unlocking keeps the lock until someone calls FastForward.
//
// Guarantees are those of a single Redis node: if the node loses data (failover
// to a lagging replica, restart without persistence) two owners can briefly
// coexist. Guard side effects that must never overlap with a fencing check in
// the protected resource as well.
package redislock

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	mrand "math/rand/v2"
	"time"

	"github.com/gogf/gf/v2/database/gredis"
)

var (
	// ErrNotAcquired means the lock is held by someone else (TryLock), or the
	// wait ended before it was free (Lock; the context error is wrapped too).
	ErrNotAcquired = errors.New("redislock: not acquired")
	// ErrNotHeld means our token is no longer the lock's value: it expired,
	// and possibly someone else owns it now.
	ErrNotHeld = errors.New("redislock: lock not held")
	// ErrUnavailable wraps every failure to get an answer from Redis. The
	// outcome of the command is unknown, so treat it as "not locked".
	ErrUnavailable = errors.New("redislock: redis unavailable")
)

const (
	defaultMinBackoff = 5 * time.Millisecond
	defaultMaxBackoff = 50 * time.Millisecond
)

// Locker hands out locks on one Redis. It is safe for concurrent use.
type Locker struct {
	r          *gredis.Redis
	minBackoff time.Duration
	maxBackoff time.Duration
	autoRenew  bool
}

// Option configures a Locker.
type Option func(*Locker)

// WithBackoff sets the bounds of the randomized wait between attempts in Lock.
// Values <= 0 keep the defaults (5ms and 50ms).
func WithBackoff(minWait, maxWait time.Duration) Option {
	return func(l *Locker) {
		if minWait > 0 {
			l.minBackoff = minWait
		}
		if maxWait > 0 {
			l.maxBackoff = maxWait
		}
	}
}

// WithAutoRenew makes every lock from TryLock and Lock renew itself every
// ttl/3 until Unlock, and report a loss on Lost(). Do and TryDo always renew.
// A lock that is never unlocked keeps renewing for the life of the process.
func WithAutoRenew() Option {
	return func(l *Locker) { l.autoRenew = true }
}

// New returns a Locker using r. It panics on a nil r because that is a wiring
// mistake that should surface at startup, not at the first lock attempt.
func New(r *gredis.Redis, opts ...Option) *Locker {
	if r == nil {
		panic("redislock: nil *gredis.Redis")
	}
	l := &Locker{r: r, minBackoff: defaultMinBackoff, maxBackoff: defaultMaxBackoff}
	for _, o := range opts {
		o(l)
	}
	if l.maxBackoff < l.minBackoff {
		l.maxBackoff = l.minBackoff
	}
	return l
}

// TryLock makes one attempt to take key for ttl. It returns ErrNotAcquired if
// someone else holds it and an ErrUnavailable error if Redis cannot be asked.
func (lk *Locker) TryLock(ctx context.Context, key string, ttl time.Duration) (*Lock, error) {
	return lk.tryLock(ctx, key, ttl, lk.autoRenew)
}

// Lock waits for key until it is taken or ctx is done. On ctx expiry the error
// is both ErrNotAcquired and ctx.Err(). Redis failures end the wait at once:
// retrying blindly would turn an outage into requests that hang until their
// deadline, and with no deadline, forever.
func (lk *Locker) Lock(ctx context.Context, key string, ttl time.Duration) (*Lock, error) {
	return lk.lock(ctx, key, ttl, lk.autoRenew)
}

func (lk *Locker) lock(ctx context.Context, key string, ttl time.Duration, renew bool) (*Lock, error) {
	ceiling := min(2*lk.minBackoff, lk.maxBackoff)
	for {
		l, err := lk.tryLock(ctx, key, ttl, renew)
		if !errors.Is(err, ErrNotAcquired) {
			return l, err
		}
		if ctxErr := ctx.Err(); ctxErr != nil {
			return nil, acquireFailed(key, ctxErr)
		}
		// Random waits keep contenders that lost the same round from retrying
		// in lock step; the growing ceiling eases load under long holds.
		t := time.NewTimer(jitter(lk.minBackoff, ceiling))
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, acquireFailed(key, ctx.Err())
		case <-t.C:
		}
		ceiling = min(2*ceiling, lk.maxBackoff)
	}
}

func (lk *Locker) tryLock(ctx context.Context, key string, ttl time.Duration, renew bool) (*Lock, error) {
	if err := checkTTL(ttl); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, acquireFailed(key, err)
	}
	token, err := newToken()
	if err != nil {
		return nil, err
	}
	// Taken before sending SET: the lock cannot expire earlier than start+ttl
	// by our clock, which makes the renewal watchdog conservative.
	start := time.Now()
	v, err := lk.r.Do(ctx, "SET", key, token, "NX", "PX", ttl.Milliseconds())
	if err != nil {
		// If the server applied SET but the reply was lost, the orphaned key
		// blocks others for at most ttl; there is nothing we could undo.
		if ctxErr := ctx.Err(); ctxErr != nil {
			return nil, acquireFailed(key, ctxErr)
		}
		return nil, unavailable("lock", key, err)
	}
	if v.IsNil() {
		return nil, fmt.Errorf("redislock: lock %q: %w", key, ErrNotAcquired)
	}
	l := &Lock{locker: lk, key: key, token: token, ttl: ttl}
	if renew {
		l.startRenewal(ctx, start)
	}
	return l, nil
}

func checkTTL(ttl time.Duration) error {
	if ttl < time.Millisecond {
		return fmt.Errorf("redislock: ttl %v is below the 1ms resolution of PX", ttl)
	}
	return nil
}

// newToken identifies one acquisition. It must be unguessable and unique
// across processes, or a stale holder could release somebody else's lock.
func newToken() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("redislock: token: %w", err)
	}
	return hex.EncodeToString(b), nil
}

func jitter(lo, hi time.Duration) time.Duration {
	if hi <= lo {
		return lo
	}
	return lo + mrand.N(hi-lo+1)
}
