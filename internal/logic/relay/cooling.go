package relay

import (
	"sync"
	"sync/atomic"
	"time"
)

// coolParams are the live relay.cool* settings (§4 "Health without flapping").
type coolParams struct {
	threshold int           // consecutive transient failures that trip a channel
	base, max time.Duration // first cooling period, doubled per trip up to max
}

// coolState is one channel's health on this node.
type coolState struct {
	fails   int       // consecutive transient failures since the last success or trip
	trips   int       // consecutive trips, no success between
	until   time.Time // skipped until then; after it, half-open
	tripped time.Time // last trip, for the fail-open order
}

// cooler is the per-node, in-memory cooling of channels: memory on purpose (a node that cannot
// reach an upstream should not stop the others from trying it); what must be cluster-wide, the
// auto-disable, is persisted by the caller when trip says so.
type cooler struct {
	mu sync.Mutex
	m  map[int64]*coolState
	n  atomic.Int32 // len(m): the hot path skips the mutex while no channel has a failure on record
}

func newCooler() *cooler { return &cooler{m: map[int64]*coolState{}} }

// cooling reports whether channel id is skipped at now (tripped, its period not over).
func (c *cooler) cooling(id int64, now time.Time) bool {
	if c.n.Load() == 0 {
		return false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	st := c.m[id]
	return st != nil && now.Before(st.until)
}

// lastTripped is when channel id last tripped (zero: never), for the fail-open pick.
func (c *cooler) lastTripped(id int64) time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	if st := c.m[id]; st != nil {
		return st.tripped
	}
	return time.Time{}
}

// failure counts one transient failure of channel id. It trips the channel at the threshold,
// or at once when it was half-open (its cooling period over, no success since), and then
// answers the number of consecutive trips.
func (c *cooler) failure(id int64, now time.Time, p coolParams) (trips int, tripped bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	st := c.m[id]
	if st == nil {
		st = &coolState{}
		c.m[id] = st
		c.n.Store(int32(len(c.m)))
	}
	if st.trips > 0 && now.Before(st.until) {
		// Tried while cooling (fail open, nothing else to try): the trip already covers it;
		// counting it would stack trips, and disableAfterTrips, on one bad minute.
		return st.trips, false
	}
	halfOpen := st.trips > 0
	st.fails++
	if !halfOpen && st.fails < max(p.threshold, 1) {
		return st.trips, false
	}
	st.fails = 0
	st.trips++
	period := p.base
	for i := 1; i < st.trips && period < p.max; i++ {
		period *= 2
	}
	st.until, st.tripped = now.Add(min(period, p.max)), now
	return st.trips, true
}

// success clears channel id: one success closes a half-open channel and resets the counts.
// It answers whether there was anything to clear.
func (c *cooler) success(id int64) bool {
	if c.n.Load() == 0 {
		return false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.m[id]; !ok {
		return false
	}
	delete(c.m, id)
	c.n.Store(int32(len(c.m)))
	return true
}

// forgive resets every channel switched on after its last trip: a manual 1 (or a probe's
// recovery) is seen by each node when its snapshot is rebuilt, by message or by the version
// poll, and starts the channel clean there (§4 "setting 1 by hand resets ... on all nodes").
func (c *cooler) forgive(enabledAt map[int64]time.Time) {
	if c.n.Load() == 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for id, st := range c.m {
		// The row's time has whole seconds: an enable in the second of the trip counts as after it.
		if at, ok := enabledAt[id]; ok && !st.tripped.IsZero() && !at.Before(st.tripped.Truncate(time.Second)) {
			delete(c.m, id)
		}
	}
	c.n.Store(int32(len(c.m)))
}

// view is channel id's state for the admin API: until (when cooling now) and trips; ok false
// when the channel has nothing on record.
func (c *cooler) view(id int64, now time.Time) (until *time.Time, trips int, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	st := c.m[id]
	if st == nil || st.trips == 0 {
		return nil, 0, false
	}
	if now.Before(st.until) {
		u := st.until
		until = &u
	}
	return until, st.trips, true
}
