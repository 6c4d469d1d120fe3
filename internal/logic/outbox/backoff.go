package outbox

import (
	"math/rand/v2"
	"time"
)

// schedule is the wait after the n-th failed attempt of a round (the last entry repeats).
// It is fixed in code, not a setting, so that even the smallest allowed budget (minAttempts)
// spans more than the 12 hours the contract promises: 8 attempts wait 7 times, 15 h 36 min in
// all, at least 12 h 29 min with the jitter at its lowest.
var schedule = []time.Duration{
	time.Minute, 5 * time.Minute, 30 * time.Minute, time.Hour, 2 * time.Hour, 4 * time.Hour, 8 * time.Hour,
}

// minAttempts is the lowest outbox.maxAttempts may be set to (openapi.md: at least 8).
const minAttempts = 8

// jitter spreads retries by ±20%, so events that failed together (a subscriber outage) do not
// all come back in the same second.
const jitter = 0.2

// backoff is the wait after the round-th failed attempt of a round (from 1), with jitter.
func backoff(round int) time.Duration { return backoffAt(round, rand.Float64()) }

// backoffAt is backoff with the random draw r in [0, 1) given.
func backoffAt(round int, r float64) time.Duration {
	base := schedule[min(max(round, 1), len(schedule))-1]
	return time.Duration(float64(base) * (1 - jitter + 2*jitter*r)).Round(time.Second)
}
