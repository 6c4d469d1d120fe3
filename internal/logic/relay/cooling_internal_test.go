package relay

import (
	"testing"
	"time"
)

// coolT0 is a trip time with a sub-second part, so forgive's whole-second rule shows.
var coolT0 = time.Date(2026, 3, 1, 12, 0, 0, 500_000_000, time.UTC)

var coolDefaults = coolParams{threshold: 3, base: 60 * time.Second, max: 900 * time.Second}

// coolTrip fails channel id until it trips (at most threshold failures), failing the test if
// it trips early or not at all; it answers the trip count.
func coolTrip(t *testing.T, c *cooler, id int64, now time.Time, p coolParams) int {
	t.Helper()
	for i := 1; i <= max(p.threshold, 1); i++ {
		trips, tripped := c.failure(id, now, p)
		if tripped != (i == max(p.threshold, 1)) {
			t.Fatalf("failure %d of threshold %d: tripped = %v", i, p.threshold, tripped)
		}
		if tripped {
			return trips
		}
	}
	return 0
}

// coolConsistent checks the hot path's counter: cooling and success skip the mutex while n is
// 0, so n must always be len(m).
func coolConsistent(t *testing.T, c *cooler) {
	t.Helper()
	c.mu.Lock()
	defer c.mu.Unlock()
	if int(c.n.Load()) != len(c.m) {
		t.Fatalf("n = %d, len(m) = %d", c.n.Load(), len(c.m))
	}
}

// The threshold counts consecutive transient failures; a success in between starts again;
// the trip skips the channel for exactly coolBaseS (until is exclusive: at until, half-open).
func TestCoolerThreshold(t *testing.T) {
	for _, tc := range []struct {
		name      string
		threshold int
		fails     int // failures needed for the first trip
	}{
		{"threshold 3", 3, 3},
		{"threshold 1", 1, 1},
		{"threshold 0 counts as 1", 0, 1},
		{"threshold 5", 5, 5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newCooler()
			p := coolParams{threshold: tc.threshold, base: 60 * time.Second, max: 900 * time.Second}
			for i := 1; i < tc.fails; i++ {
				if trips, tripped := c.failure(7, coolT0, p); tripped || trips != 0 {
					t.Fatalf("failure %d: trips %d tripped %v", i, trips, tripped)
				}
				if c.cooling(7, coolT0) {
					t.Fatalf("cooling after %d failures", i)
				}
				if _, _, ok := c.view(7, coolT0); ok {
					t.Fatalf("view shows a channel that never tripped")
				}
			}
			if trips, tripped := c.failure(7, coolT0, p); !tripped || trips != 1 {
				t.Fatalf("failure %d: trips %d tripped %v", tc.fails, trips, tripped)
			}
			coolConsistent(t, c)
			if !c.cooling(7, coolT0) || !c.cooling(7, coolT0.Add(59*time.Second)) {
				t.Fatal("not cooling inside the period")
			}
			if c.cooling(7, coolT0.Add(60*time.Second)) {
				t.Fatal("still cooling when the period is over")
			}
			if c.cooling(8, coolT0) {
				t.Fatal("another channel is cooling")
			}
			if got := c.lastTripped(7); !got.Equal(coolT0) {
				t.Fatalf("lastTripped = %v", got)
			}
		})
	}

	t.Run("a success in between starts the count again", func(t *testing.T) {
		c := newCooler()
		c.failure(1, coolT0, coolDefaults)
		c.failure(1, coolT0, coolDefaults)
		if !c.success(1) {
			t.Fatal("success found nothing to clear")
		}
		coolConsistent(t, c)
		for i := range 2 {
			if _, tripped := c.failure(1, coolT0, coolDefaults); tripped {
				t.Fatalf("tripped after %d failures since the success", i+1)
			}
		}
		if _, tripped := c.failure(1, coolT0, coolDefaults); !tripped {
			t.Fatal("third consecutive failure did not trip")
		}
		if c.success(2) {
			t.Fatal("success cleared a channel with nothing on record")
		}
	})
}

// Each consecutive trip doubles the period, capped at coolMaxS: re-tripping the channel each
// time it is half-open gives base, 2·base, 4·base ... max.
func TestCoolerPeriodDoublesAndCaps(t *testing.T) {
	for _, tc := range []struct {
		name    string
		p       coolParams
		periods []time.Duration
	}{
		{"60 up to 900", coolDefaults, []time.Duration{60, 120, 240, 480, 900, 900, 900}},
		{"base above max", coolParams{threshold: 3, base: 1000 * time.Second, max: 900 * time.Second}, []time.Duration{900, 900}},
		{"1 up to 5", coolParams{threshold: 1, base: time.Second, max: 5 * time.Second}, []time.Duration{1, 2, 4, 5, 5}},
		{"max equals base", coolParams{threshold: 2, base: 30 * time.Second, max: 30 * time.Second}, []time.Duration{30, 30, 30}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newCooler()
			now := coolT0
			if trips := coolTrip(t, c, 3, now, tc.p); trips != 1 {
				t.Fatalf("first trip = %d", trips)
			}
			for i, want := range tc.periods {
				want *= time.Second
				until, trips, ok := c.view(3, now)
				if !ok || trips != i+1 || until == nil || !until.Equal(now.Add(want)) {
					t.Fatalf("trip %d: view = %v %d %v, want until %v", i+1, until, trips, ok, now.Add(want))
				}
				if i == len(tc.periods)-1 {
					break
				}
				now = now.Add(want) // half-open: one failure re-trips at once
				if trips, tripped := c.failure(3, now, tc.p); !tripped || trips != i+2 {
					t.Fatalf("half-open failure after trip %d: trips %d tripped %v", i+1, trips, tripped)
				}
			}
		})
	}
}

// After the period the channel is half-open: not skipped, one failure re-trips it at once
// (whatever the threshold), one success clears it entirely.
func TestCoolerHalfOpen(t *testing.T) {
	t.Run("one failure re-trips", func(t *testing.T) {
		c := newCooler()
		coolTrip(t, c, 5, coolT0, coolDefaults)
		open := coolT0.Add(60 * time.Second)
		if c.cooling(5, open) {
			t.Fatal("cooling at the end of the period")
		}
		trips, tripped := c.failure(5, open, coolDefaults)
		if !tripped || trips != 2 {
			t.Fatalf("half-open failure: trips %d tripped %v", trips, tripped)
		}
		if !c.cooling(5, open) || !c.lastTripped(5).Equal(open) {
			t.Fatalf("re-trip: cooling %v lastTripped %v", c.cooling(5, open), c.lastTripped(5))
		}
		if until, _, _ := c.view(5, open); until == nil || !until.Equal(open.Add(120*time.Second)) {
			t.Fatalf("re-trip until %v", until)
		}
	})
	t.Run("one success clears", func(t *testing.T) {
		c := newCooler()
		coolTrip(t, c, 5, coolT0, coolDefaults)
		open := coolT0.Add(60 * time.Second)
		c.failure(5, open, coolDefaults) // trips 2
		open = open.Add(120 * time.Second)
		if !c.success(5) {
			t.Fatal("success found nothing to clear")
		}
		coolConsistent(t, c)
		if _, _, ok := c.view(5, open); ok || c.cooling(5, open) || !c.lastTripped(5).IsZero() {
			t.Fatal("still on record after the success")
		}
		// Cleared means clean: the threshold applies again and the period starts at base.
		if trips := coolTrip(t, c, 5, open, coolDefaults); trips != 1 {
			t.Fatalf("trips after the success = %d", trips)
		}
		if until, _, _ := c.view(5, open); until == nil || !until.Equal(open.Add(60*time.Second)) {
			t.Fatalf("period after the success: until %v", until)
		}
	})
}

// forgive clears a channel switched on (enabledAt, whole seconds as the row keeps them) in or
// after the second of its last trip, and nothing else.
func TestCoolerForgive(t *testing.T) {
	for _, tc := range []struct {
		name      string
		enabledAt map[int64]time.Time
		forgiven  bool
	}{
		{"enabled the second before the trip", map[int64]time.Time{1: coolT0.Truncate(time.Second).Add(-time.Second)}, false},
		{"enabled an hour before", map[int64]time.Time{1: coolT0.Add(-time.Hour)}, false},
		{"enabled in the second of the trip", map[int64]time.Time{1: coolT0.Truncate(time.Second)}, true},
		{"enabled after the trip", map[int64]time.Time{1: coolT0.Add(2 * time.Second).Truncate(time.Second)}, true},
		{"not in the snapshot's enabled set", map[int64]time.Time{2: coolT0.Add(time.Hour)}, false},
		{"empty", map[int64]time.Time{}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newCooler()
			coolTrip(t, c, 1, coolT0, coolDefaults)
			c.failure(3, coolT0, coolDefaults) // a failure on record, no trip
			c.forgive(tc.enabledAt)
			coolConsistent(t, c)
			_, _, ok := c.view(1, coolT0)
			if ok == tc.forgiven || c.cooling(1, coolT0) == tc.forgiven {
				t.Fatalf("forgiven = %v, want %v", !ok, tc.forgiven)
			}
			// A channel that never tripped keeps its count, whatever enabledAt says.
			c.forgive(map[int64]time.Time{3: coolT0.Add(time.Hour)})
			c.failure(3, coolT0, coolDefaults)
			if _, tripped := c.failure(3, coolT0, coolDefaults); !tripped {
				t.Fatal("forgive dropped the failure count of a channel that never tripped")
			}
		})
	}
}

// view is nil/0/false without a trip, until+trips while cooling, trips without until when the
// period is over (half-open, still on record).
func TestCoolerView(t *testing.T) {
	c := newCooler()
	if u, n, ok := c.view(9, coolT0); u != nil || n != 0 || ok {
		t.Fatalf("empty: %v %d %v", u, n, ok)
	}
	c.failure(9, coolT0, coolDefaults)
	if _, _, ok := c.view(9, coolT0); ok {
		t.Fatal("a failure without a trip shows")
	}
	if _, tripped := c.failure(9, coolT0, coolParams{threshold: 2, base: 10 * time.Second, max: time.Minute}); !tripped {
		t.Fatal("second failure at threshold 2 did not trip")
	}
	u, n, ok := c.view(9, coolT0.Add(time.Second))
	if !ok || n != 1 || u == nil || !u.Equal(coolT0.Add(10*time.Second)) {
		t.Fatalf("cooling: %v %d %v", u, n, ok)
	}
	*u = time.Time{} // the answer is a copy
	if u, _, _ = c.view(9, coolT0); u == nil || !u.Equal(coolT0.Add(10*time.Second)) {
		t.Fatalf("view handed out its own state: %v", u)
	}
	if u, n, ok = c.view(9, coolT0.Add(10*time.Second)); !ok || n != 1 || u != nil {
		t.Fatalf("half-open: %v %d %v", u, n, ok)
	}
}

// pick with cooling: a cooling top-tier channel is skipped for a healthy lower tier; when every
// untried channel is cooling, the least recently tripped one is picked (fail open), among the
// untried only; once the period is over the top tier is back.
func TestPickCooling(t *testing.T) {
	p := coolParams{threshold: 1, base: 60 * time.Second, max: 900 * time.Second}
	top1, top2 := &channel{ID: 1, Weight: 1}, &channel{ID: 2, Weight: 1}
	low1, low2 := &channel{ID: 3, Weight: 1}, &channel{ID: 4, Weight: 0}
	tiers := []tier{{Priority: 10, Channels: []*channel{top1, top2}}, {Priority: 0, Channels: []*channel{low1, low2}}}
	now := coolT0.Add(10 * time.Second)
	for _, tc := range []struct {
		name    string
		tripped map[int64]time.Time // channel -> trip time
		tried   map[int64]bool
		want    []int64 // any of these, and nothing else over 200 picks
	}{
		{"nothing cooling: the top tier", nil, nil, []int64{1, 2}},
		{"one top channel cooling: the other", map[int64]time.Time{1: coolT0}, nil, []int64{2}},
		{"top tier cooling: the lower tier, weighted", map[int64]time.Time{1: coolT0, 2: coolT0}, nil, []int64{3}},
		{"top tier cooling, weighted one tried: the standby", map[int64]time.Time{1: coolT0, 2: coolT0}, map[int64]bool{3: true}, []int64{4}},
		{"all cooling: least recently tripped, even in a lower tier",
			map[int64]time.Time{1: coolT0.Add(3 * time.Second), 2: coolT0.Add(2 * time.Second), 3: coolT0.Add(4 * time.Second), 4: coolT0.Add(time.Second)}, nil, []int64{4}},
		{"all cooling, oldest tried: the next oldest untried",
			map[int64]time.Time{1: coolT0.Add(3 * time.Second), 2: coolT0.Add(2 * time.Second), 3: coolT0.Add(4 * time.Second), 4: coolT0.Add(time.Second)},
			map[int64]bool{4: true}, []int64{2}},
		{"cooling untried and a healthy one tried: fail open", map[int64]time.Time{1: coolT0, 2: coolT0, 3: coolT0}, map[int64]bool{4: true}, []int64{1}},
		{"all tried: nothing", map[int64]time.Time{1: coolT0}, map[int64]bool{1: true, 2: true, 3: true, 4: true}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newCooler()
			for id, at := range tc.tripped {
				coolTrip(t, c, id, at, p)
			}
			allowed := map[int64]bool{}
			for _, id := range tc.want {
				allowed[id] = true
			}
			seen := map[int64]bool{}
			for range 200 {
				got := pick(tiers, tc.tried, c, now)
				if got == nil {
					if len(tc.want) != 0 {
						t.Fatalf("pick = nil, want one of %v", tc.want)
					}
					continue
				}
				if !allowed[got.ID] {
					t.Fatalf("pick = %d, want one of %v", got.ID, tc.want)
				}
				seen[got.ID] = true
			}
			if len(seen) != len(tc.want) {
				t.Fatalf("picked %v over 200 picks, want each of %v", seen, tc.want)
			}
		})
	}
	t.Run("half-open top tier is picked again", func(t *testing.T) {
		c := newCooler()
		coolTrip(t, c, 1, coolT0, p)
		coolTrip(t, c, 2, coolT0, p)
		if got := pick(tiers, nil, c, coolT0.Add(59*time.Second)); got == nil || got.ID != 3 {
			t.Fatalf("inside the period: %v", got)
		}
		if got := pick(tiers, nil, c, coolT0.Add(60*time.Second)); got == nil || (got.ID != 1 && got.ID != 2) {
			t.Fatalf("after the period: %v", got)
		}
	})
}
