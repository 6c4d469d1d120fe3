package job

import (
	"testing"
	"time"
)

func TestValidate(t *testing.T) {
	tests := []struct {
		pattern string
		ok      bool
	}{
		{"@every 1s", true},
		{"@every 90s", true},
		{"@every 1h30m", true},
		{"@daily", true},
		{"@hourly", true},
		{"0 */5 * * * *", true},
		{"# 30 3 * * *", true},
		{"*/10 * * * * *", true},
		{"0 30 3 * * MON", true},
		{"", false},
		{" @daily", false},
		{"every second", false},
		{"@every", false},
		{"@every 500ms", false},
		{"@every 1500ms", false},
		{"@every 0s", false},
		{"@every -5s", false},
		{"@fortnightly", false},
		{"foo @daily", false},
		{"* * * * *", false},
		{"61 * * * * *", false},
		{"0 0 25 * * *", false},
		{"0 0 0 32 * *", false},
		{"*/0 * * * * *", false},
		{"5-1 * * * * *", false},
		{"0 0 0 ? * *", true},
		{"0 0 0 * JAN-MAR ?", true},
		{"0 0 0 * * FOO", false},
		{"1,2,x * * * * *", false},
	}
	for _, tc := range tests {
		if got := validate(tc.pattern); got != tc.ok {
			t.Errorf("validate(%q) = %v, want %v", tc.pattern, got, tc.ok)
		}
	}
}

func at(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// Two nodes ticking at slightly different instants must name a firing by the same slot, and a
// slot runs once per node (the tick after it no longer finds it due).
func TestDueSlotAgreesAcrossNodes(t *testing.T) {
	shanghai, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		pattern string
		// each node's previous and current tick
		aPrev, aNow, bPrev, bNow string
		slot                     string // "" = not due
	}{
		{"@every 1s", "2026-01-01T00:00:04.810Z", "2026-01-01T00:00:05.010Z", "2026-01-01T00:00:05.790Z", "2026-01-01T00:00:05.990Z", ""},
		{"@every 1s", "2026-01-01T00:00:04.990Z", "2026-01-01T00:00:05.010Z", "2026-01-01T00:00:04.800Z", "2026-01-01T00:00:05.000Z", "2026-01-01T00:00:05Z"},
		{"@every 5m", "2026-01-01T00:04:59.900Z", "2026-01-01T00:05:00.100Z", "2026-01-01T00:04:59.500Z", "2026-01-01T00:05:00.700Z", "2026-01-01T00:05:00Z"},
		{"@daily", "2026-01-01T15:59:59.900Z", "2026-01-01T16:00:00.100Z", "2026-01-01T15:59:59.300Z", "2026-01-01T16:00:01.900Z", "2026-01-01T16:00:00Z"},
		{"# 30 3 * * *", "2026-01-01T19:29:59.900Z", "2026-01-01T19:30:00.100Z", "2026-01-01T19:29:59.800Z", "2026-01-01T19:30:00.400Z", "2026-01-01T19:30:00Z"},
		{"0 */5 * * * *", "2026-01-01T00:04:59.810Z", "2026-01-01T00:05:00.010Z", "2026-01-01T00:05:00.780Z", "2026-01-01T00:05:00.980Z", ""},
		{"*/10 * * * * *", "2026-01-01T00:00:09.900Z", "2026-01-01T00:00:10.100Z", "2026-01-01T00:00:09.700Z", "2026-01-01T00:00:10.900Z", "2026-01-01T00:00:10Z"},
	}
	for _, tc := range tests {
		p, ok := planOf(tc.pattern, shanghai)
		if !ok {
			t.Fatalf("%s: not a plan", tc.pattern)
		}
		sa, okA := dueSlot(p, at(t, tc.aPrev), at(t, tc.aNow))
		sb, okB := dueSlot(p, at(t, tc.bPrev), at(t, tc.bNow))
		if tc.slot == "" {
			if okA && okB {
				t.Errorf("%s: both nodes found %s and %s due", tc.pattern, sa, sb)
			}
			continue
		}
		want := at(t, tc.slot)
		if !okA || !okB || !sa.Equal(want) || !sb.Equal(want) {
			t.Errorf("%s: slots %v(%v) %v(%v), want %s", tc.pattern, sa, okA, sb, okB, want)
		}
		if _, again := dueSlot(p, at(t, tc.aNow), at(t, tc.aNow).Add(100*time.Millisecond)); again {
			t.Errorf("%s: the slot was due again on the next tick", tc.pattern)
		}
		if keepOf(tc.pattern) < slotKeep {
			t.Errorf("%s: keep %s shorter than slotKeep", tc.pattern, keepOf(tc.pattern))
		}
	}
}

// Patterns are evaluated in the display zone, whatever zone the instants (and the process) are
// in: "daily at 00:10" is 00:10 in Shanghai, which is 16:10 UTC the day before.
func TestPatternsRunInTheDisplayZone(t *testing.T) {
	shanghai, _ := time.LoadLocation("Asia/Shanghai")
	newYork, _ := time.LoadLocation("America/New_York")
	tests := []struct{ pattern, after, want string }{
		{"0 10 0 * * *", "2026-03-01T12:00:00Z", "2026-03-01T16:10:00Z"},
		{"@daily", "2026-03-01T12:00:00Z", "2026-03-01T16:00:00Z"},
		{"@midnight", "2026-03-01T16:00:00Z", "2026-03-02T16:00:00Z"},
		{"0 0 9 * * MON", "2026-03-01T00:00:00Z", "2026-03-02T01:00:00Z"}, // Monday 09:00 in Shanghai
		{"@every 1h", "2026-03-01T12:30:00Z", "2026-03-01T13:00:00Z"},     // the grid is the epoch's
	}
	for _, tc := range tests {
		p, ok := planOf(tc.pattern, shanghai)
		if !ok {
			t.Fatalf("%s: not a plan", tc.pattern)
		}
		after, want := at(t, tc.after), at(t, tc.want)
		for _, in := range []*time.Location{time.UTC, time.Local, shanghai, newYork} {
			if got := p.Next(after.In(in)); !got.Equal(want) {
				t.Errorf("%s after %s (given in %s): %s, want %s", tc.pattern, tc.after, in, got.UTC(), want)
			}
		}
	}
}
