package job

import (
	"testing"
	"time"
)

// The scheduler's slot collection: a clock stepped back must not stall a job until time catches
// up with the old "checked", and a held clock fires nothing and catches nothing up afterwards.
func TestDueAfterClockSteps(t *testing.T) {
	p, ok := planOf("@every 1m", time.UTC)
	if !ok {
		t.Fatal("plan")
	}
	t0 := time.Date(2026, 5, 1, 12, 0, 30, 0, time.UTC)
	s := &sJob{entries: map[string]*entry{"j": {schedule: "@every 1m", plan: p, checked: t0}}}
	fired := func(now time.Time, held bool) int { return len(s.due(now, held)) }

	tests := []struct {
		name string
		now  time.Time
		held bool
		want int
	}{
		{"not yet due", t0.Add(10 * time.Second), false, 0},
		{"a slot passed", t0.Add(40 * time.Second), false, 1},
		{"held: a due slot is skipped", t0.Add(100 * time.Second), true, 0},
		{"released: the skipped slot is not caught up", t0.Add(110 * time.Second), false, 0},
		{"a year ahead", t0.AddDate(1, 0, 0), false, 1},
		{"stepped back a year: nothing fires at the step", t0.Add(115 * time.Second), false, 0},
		{"the next slot after the step fires", t0.Add(160 * time.Second), false, 1},
	}
	for _, tc := range tests {
		if got := fired(tc.now, tc.held); got != tc.want {
			t.Fatalf("%s: %d firings, want %d", tc.name, got, tc.want)
		}
	}
}

// releasedClock is a test clock caught between two reads: a test froze it, moved it an hour
// and released it. Now and Holding, read apart, give the moved time and no hold; its one
// reading (NowHolding) gives the moved time and the hold.
type releasedClock struct{ moved time.Time }

func (c releasedClock) Now() time.Time                { return c.moved }
func (c releasedClock) Holding() bool                 { return false }
func (c releasedClock) NowHolding() (time.Time, bool) { return c.moved, true }

// A tick reads the time and the hold together: read apart, a release between the two reads
// fired, on the released clock, the slots the test's moves made due (CI: scheduled proxy syncs
// against a closed fake opened the upstream breaker under the next test).
func TestTickReadsTimeAndHoldTogether(t *testing.T) {
	p, ok := planOf("@every 1m", time.UTC)
	if !ok {
		t.Fatal("plan")
	}
	t0 := time.Date(2026, 5, 1, 12, 0, 30, 0, time.UTC)
	s := &sJob{
		clock:   releasedClock{moved: t0.Add(time.Hour)},
		entries: map[string]*entry{"j": {schedule: "@every 1m", plan: p, checked: t0}},
	}
	if got := s.due(s.reading()); len(got) != 0 {
		t.Fatalf("%d slots fired from a time read under a hold", len(got))
	}
}
