package outbox

import (
	"testing"
	"time"
)

// Even the smallest budget allowed spans the 12 hours openapi.md promises when every draw of
// the jitter is at its lowest, and every wait stays within ±20% of the schedule.
func TestBackoffSpansTwelveHours(t *testing.T) {
	var least, most time.Duration
	for round := 1; round < minAttempts; round++ {
		least += backoffAt(round, 0)
		most += backoffAt(round, 0.999999)
	}
	if least < 12*time.Hour {
		t.Fatalf("%d attempts span only %s at the lowest jitter", minAttempts, least)
	}
	t.Logf("%d attempts span %s to %s", minAttempts, least, most)
	for round := 1; round <= 12; round++ {
		base := schedule[min(round, len(schedule))-1]
		for _, r := range []float64{0, 0.5, 0.999999} {
			d := backoffAt(round, r)
			if d < base*8/10 || d > base*12/10 {
				t.Errorf("round %d draw %v: %s outside ±20%% of %s", round, r, d, base)
			}
		}
		if round > 1 && backoffAt(round, 0.5) < backoffAt(round-1, 0.5) {
			t.Errorf("round %d waits less than round %d", round, round-1)
		}
	}
	if backoffAt(3, 0) == backoffAt(3, 0.999999) {
		t.Error("no jitter")
	}
}
