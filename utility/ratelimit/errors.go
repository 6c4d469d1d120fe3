package ratelimit

import (
	"fmt"
)

// unavailable classifies a failed round trip. Every failure to get an answer
// from Redis is ErrUnavailable, so callers choose fail-open or fail-closed on
// one sentinel; the cause stays in the chain for logs and errors.Is.
func unavailable(op, key string, err error) error {
	return fmt.Errorf("ratelimit: %s %q: %w: %w", op, key, ErrUnavailable, err)
}
