package redislock

import (
	"fmt"
)

// unavailable classifies a failed round trip. Every failure to get an answer
// from Redis is ErrUnavailable, so callers can fail closed on one sentinel;
// the cause stays in the chain for logs and for errors.Is on net errors.
func unavailable(op, key string, err error) error {
	return fmt.Errorf("redislock: %s %q: %w: %w", op, key, ErrUnavailable, err)
}

// acquireFailed is the error of an acquisition cut short by ctx. It is both
// ErrNotAcquired (we do not hold the lock, which is what callers branch on)
// and the context error (so deadline handling keeps working).
func acquireFailed(key string, ctxErr error) error {
	return fmt.Errorf("redislock: lock %q: %w: %w", key, ErrNotAcquired, ctxErr)
}
