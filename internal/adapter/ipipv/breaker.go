package ipipv

import (
	"sync"
	"time"
)

// Breaker is the per-node circuit breaker: after Threshold consecutive transport failures it
// opens for Cooldown, then lets exactly one probe through; the probe's outcome closes or
// re-opens it. The clock is injected so tests move time instead of sleeping.
type Breaker struct {
	Threshold int
	Cooldown  time.Duration
	Now       func() time.Time

	mu        sync.Mutex
	failures  int
	openUntil time.Time
	probing   bool
}

// NewBreaker returns the contract's breaker: 5 failures, 30 s.
func NewBreaker(now func() time.Time) *Breaker {
	return &Breaker{Threshold: 5, Cooldown: 30 * time.Second, Now: now}
}

// Allow reports whether a call may go out now.
func (b *Breaker) Allow() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.failures < b.Threshold {
		return true
	}
	if b.Now().Before(b.openUntil) || b.probing {
		return false
	}
	b.probing = true
	return true
}

// Open reports whether calls are currently refused (used to fail fast before a reserve).
func (b *Breaker) Open() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.failures >= b.Threshold && (b.Now().Before(b.openUntil) || b.probing)
}

// Done records the outcome of an allowed call.
func (b *Breaker) Done(transportFailure bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.probing = false
	if !transportFailure {
		b.failures = 0
		return
	}
	b.failures++
	if b.failures >= b.Threshold {
		b.openUntil = b.Now().Add(b.Cooldown)
	}
}
