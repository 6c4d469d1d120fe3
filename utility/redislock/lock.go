package redislock

import (
	"context"
	"errors"
	"fmt"
	"kami/utility/redisscript"
	"sync"
	"time"
)

// Both scripts compare before acting so that a holder whose lock expired and
// was re-taken cannot delete or extend the new owner's lock. Doing GET and
// DEL/PEXPIRE as separate commands would leave a window for exactly that.
var (
	unlockScript = redisscript.New(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
	return redis.call('DEL', KEYS[1])
end
return 0`)
	refreshScript = redisscript.New(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
	return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0`)
)

// errValidityPassed is the watchdog's verdict when no refresh got through
// before the lock's expiry by our clock.
var errValidityPassed = errors.New("redislock: renewal did not complete before expiry")

// Lock is one acquisition of a key. Its methods are safe for concurrent use.
type Lock struct {
	locker *Locker
	key    string
	token  string
	ttl    time.Duration

	// Set once by startRenewal before the Lock is shared, read-only after.
	lost       chan struct{}
	stopRenew  context.CancelFunc
	renewDone  chan struct{}
	lostOnce   sync.Once
	lostReason error
}

// Key returns the locked key.
func (l *Lock) Key() string { return l.key }

// Token returns the random value that identifies this owner in Redis.
func (l *Lock) Token() string { return l.token }

// Lost is closed when renewal finds the lock gone or cannot confirm it before
// it would expire. It is nil, and so never ready, when renewal is not running.
// Unlock stops renewal without closing it.
func (l *Lock) Lost() <-chan struct{} { return l.lost }

// Unlock releases the lock if this owner still holds it, else ErrNotHeld.
// It stops renewal first, so a renewal in flight cannot report a loss that
// Unlock itself caused.
func (l *Lock) Unlock(ctx context.Context) error {
	l.stopRenewal()
	v, err := unlockScript.Run(ctx, l.locker.r, []string{l.key}, l.token)
	if err != nil {
		return l.callFailed(ctx, "unlock", err)
	}
	if v.Int() != 1 {
		return fmt.Errorf("redislock: unlock %q: %w", l.key, ErrNotHeld)
	}
	return nil
}

// Refresh resets the lock's expiry to ttl from now if this owner still holds
// it, else ErrNotHeld. It does not change the ttl used by renewal.
func (l *Lock) Refresh(ctx context.Context, ttl time.Duration) error {
	if err := checkTTL(ttl); err != nil {
		return err
	}
	v, err := refreshScript.Run(ctx, l.locker.r, []string{l.key}, l.token, ttl.Milliseconds())
	if err != nil {
		return l.callFailed(ctx, "refresh", err)
	}
	if v.Int() != 1 {
		return fmt.Errorf("redislock: refresh %q: %w", l.key, ErrNotHeld)
	}
	return nil
}

// callFailed keeps a caller's own cancellation from being reported as an
// outage, which would send operators looking at a healthy Redis.
func (l *Lock) callFailed(ctx context.Context, op string, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return fmt.Errorf("redislock: %s %q: %w", op, l.key, ctxErr)
	}
	return unavailable(op, l.key, err)
}

// startRenewal runs the renewal loop until Unlock or loss. The loop gets a
// context detached from the acquiring call's cancellation: the lock outlives
// that call, but trace values should still follow the Redis commands.
func (l *Lock) startRenewal(ctx context.Context, acquiredAt time.Time) {
	rctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	l.lost = make(chan struct{})
	l.stopRenew = cancel
	l.renewDone = make(chan struct{})
	go l.renew(rctx, acquiredAt)
}

func (l *Lock) stopRenewal() {
	if l.stopRenew == nil {
		return
	}
	l.stopRenew()
	<-l.renewDone
}

func (l *Lock) markLost(reason error) {
	l.lostOnce.Do(func() {
		l.lostReason = fmt.Errorf("redislock: %q lost: %w: %w", l.key, ErrNotHeld, reason)
		close(l.lost)
	})
}

// lostErr is the reason for the loss once Lost() is closed, nil before.
func (l *Lock) lostErr() error {
	select {
	case <-l.lost:
		return l.lostReason
	default:
		return nil
	}
}

// renew refreshes every ttl/3. validUntil is the latest moment, by our clock,
// at which the lock is known to still be ours; it only moves forward on a
// successful refresh. Transient errors are retried while that time allows,
// and reaching it counts as lost even if Redis never answered, because by
// then another owner may legitimately hold the key.
//
// validUntil stops a tenth of the ttl short of the real expiry. The margin
// absorbs clock-rate differences between us and Redis and gives the holder
// time to react to Lost before anyone else can take the key.
func (l *Lock) renew(ctx context.Context, acquiredAt time.Time) {
	defer close(l.renewDone)
	period := max(l.ttl/3, time.Millisecond)
	safeTTL := l.ttl - l.ttl/10
	validUntil := acquiredAt.Add(safeTTL)
	timer := time.NewTimer(period)
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-timer.C:
		}
		start := time.Now()
		err := l.refreshBefore(ctx, validUntil)
		switch {
		case err == nil:
			validUntil = start.Add(safeTTL)
			timer.Reset(period)
		case ctx.Err() != nil:
			return // Unlock stopped us mid-call.
		case errors.Is(err, ErrNotHeld), errors.Is(err, errValidityPassed):
			l.markLost(err)
			return
		default:
			left := time.Until(validUntil)
			if left <= 0 {
				l.markLost(err)
				return
			}
			timer.Reset(min(max(left/4, time.Millisecond), period))
		}
	}
}

// refreshBefore stops waiting for Refresh at validUntil. The gredis adapter
// does not bound reads by ctx and has no read timeout by default, so a hung
// connection would otherwise stall the loop past expiry and we would keep
// reporting a lock we no longer own. The abandoned call ends on its own.
func (l *Lock) refreshBefore(ctx context.Context, validUntil time.Time) error {
	wait := time.Until(validUntil)
	if wait <= 0 {
		return errValidityPassed
	}
	res := make(chan error, 1)
	go func() { res <- l.Refresh(ctx, l.ttl) }()
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case err := <-res:
		return err
	case <-t.C:
		return errValidityPassed
	case <-ctx.Done():
		return ctx.Err()
	}
}
