package redislock

import (
	"context"
	"errors"
	"time"
)

// minUnlockBudget bounds the release in Do when ttl is tiny: an unlock that
// needs longer than ttl is moot anyway, but a 10ms ttl should not make a
// normal round trip on a busy machine fail.
const minUnlockBudget = time.Second

// Do waits for key (like Lock), runs fn while renewing the lock every ttl/3,
// and always releases it afterwards, also when fn panics. fn is never called
// unless the lock was taken.
//
// If renewal finds the lock lost, fn's context is cancelled with a cause that
// is ErrNotHeld (see context.Cause); fn should stop touching the protected
// resource. The returned error joins fn's error with any release failure, and
// includes ErrNotHeld whenever exclusivity may have been broken during fn.
func (lk *Locker) Do(ctx context.Context, key string, ttl time.Duration, fn func(ctx context.Context) error) error {
	l, err := lk.lock(ctx, key, ttl, true)
	if err != nil {
		return err
	}
	return l.run(ctx, fn)
}

// TryDo is Do with a single attempt: it returns ErrNotAcquired without
// calling fn when someone else holds key.
func (lk *Locker) TryDo(ctx context.Context, key string, ttl time.Duration, fn func(ctx context.Context) error) error {
	l, err := lk.tryLock(ctx, key, ttl, true)
	if err != nil {
		return err
	}
	return l.run(ctx, fn)
}

func (l *Lock) run(ctx context.Context, fn func(ctx context.Context) error) (err error) {
	fnCtx, cancel := context.WithCancelCause(ctx)
	watchDone := make(chan struct{})
	go func() {
		defer close(watchDone)
		select {
		case <-l.Lost():
			cancel(l.lostErr())
		case <-fnCtx.Done():
		}
	}()

	defer func() {
		cancel(nil)
		<-watchDone
		// The caller's ctx may be what ended fn; the lock must still be
		// released, or others wait a full ttl for nothing.
		uctx, ucancel := context.WithTimeout(context.WithoutCancel(ctx), max(l.ttl, minUnlockBudget))
		defer ucancel()
		unlockErr := l.Unlock(uctx)
		if unlockErr != nil {
			err = errors.Join(err, unlockErr)
		}
		// A loss seen by renewal is reported even when the delete worked (the
		// key was still ours then, but fn was interrupted) or could not be
		// sent (the caller must not assume fn ran exclusively).
		if lost := l.lostErr(); lost != nil && !errors.Is(unlockErr, ErrNotHeld) {
			err = errors.Join(err, lost)
		}
	}()
	return fn(fnCtx)
}
