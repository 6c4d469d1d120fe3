package derp

import (
	"sync"
	"time"
)

// Per-token admission limit (§7): 50 rps with a burst of 200, per node. In process on purpose:
// a Redis limiter would cost the round trip §7 forbids, and derper connects to one node at a
// time per client anyway.
const (
	admitRate  = 50.0
	admitBurst = 200.0
	// admitIdle is how long an unused bucket is kept; a full bucket needs no memory.
	admitIdle = time.Minute
)

type tokenBucket struct {
	tokens float64
	last   time.Time
}

type admitLimit struct {
	mu      sync.Mutex
	buckets map[int64]*tokenBucket
	swept   time.Time
}

var admitLimiter = &admitLimit{buckets: map[int64]*tokenBucket{}}

// allow takes one token of container cid's bucket at wall time now. Only MAC-verified
// containers reach it, so the map is bounded by the live containers.
func (l *admitLimit) allow(cid int64, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Sub(l.swept) > admitIdle {
		for id, b := range l.buckets {
			if now.Sub(b.last) > admitIdle {
				delete(l.buckets, id)
			}
		}
		l.swept = now
	}
	b := l.buckets[cid]
	if b == nil {
		b = &tokenBucket{tokens: admitBurst, last: now}
		l.buckets[cid] = b
	}
	if el := now.Sub(b.last).Seconds(); el > 0 {
		b.tokens = min(admitBurst, b.tokens+el*admitRate)
		b.last = now
	}
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}
