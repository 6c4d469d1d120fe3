package derp

import (
	"testing"
	"time"
)

// A node's own invalidation coming back through its subscription leaves the entry loaded since
// (the publisher dropped it at once); another node's drops it, and one that arrives before the
// own echo is taken in its place, so the echo after it still drops: no drop is ever lost.
func TestAdmitOwnEchoKeepsTheEntry(t *testing.T) {
	loaded := func(snap *admitSnapshot, id int64) bool { return snap.rentals[id] != nil }
	load := func(snap *admitSnapshot, id int64) { snap.rentals[id] = &admitRental{exp: time.Now().Add(time.Hour)} }
	tests := []struct {
		name     string
		expected int      // own invalidations published
		messages []string // as they arrive
		want     bool     // still loaded afterwards
	}{
		{"own echo", 1, []string{"7"}, true},
		{"another node's", 0, []string{"7"}, false},
		{"own echo, then another node's", 1, []string{"7", "7"}, false},
		{"two own echoes", 2, []string{"7", "7"}, true},
		{"another rental's echo", 1, []string{"8"}, false},
		{"malformed", 0, []string{"x7"}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			snap, e := newAdmitSnapshot(), &echoes{n: map[int64]int{}}
			for range tc.expected {
				e.expect(7)
			}
			load(snap, 7)
			load(snap, 8)
			for _, m := range tc.messages {
				received(snap, e, m)
			}
			if got := loaded(snap, 7) && loaded(snap, 8); got != tc.want {
				t.Fatalf("loaded after %v: %v, want %v", tc.messages, got, tc.want)
			}
		})
	}
	t.Run("reset", func(t *testing.T) {
		snap, e := newAdmitSnapshot(), &echoes{n: map[int64]int{}}
		e.expect(7) // published while the subscription was away: never comes back
		e.reset()
		load(snap, 7)
		received(snap, e, "7")
		if loaded(snap, 7) {
			t.Fatal("after a resubscription another node's message was taken for a lost echo")
		}
	})
}
