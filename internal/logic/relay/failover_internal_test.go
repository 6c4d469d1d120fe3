package relay

import (
	"math"
	"testing"
	"time"
)

// Weighted random inside the top tier: 3:1 weights give 75/25 within ±5 points over 4000
// picks, and nothing goes to a lower tier while the top one has an untried channel.
func TestPickWeightsAndTiers(t *testing.T) {
	a, b, low := &channel{ID: 1, Weight: 3}, &channel{ID: 2, Weight: 1}, &channel{ID: 3, Weight: 100}
	tiers := []tier{{Priority: 10, Channels: []*channel{a, b}}, {Priority: 0, Channels: []*channel{low}}}
	counts := map[int64]int{}
	for range 4000 {
		counts[pick(tiers, nil, nil, time.Time{}).ID]++
	}
	if counts[3] != 0 {
		t.Fatalf("a lower tier was picked %d times", counts[3])
	}
	if share := float64(counts[1]) / 4000; math.Abs(share-0.75) > 0.05 {
		t.Fatalf("weight 3 share = %.3f", share)
	}
	cases := []struct {
		name  string
		tiers []tier
		tried map[int64]bool
		want  int64
	}{
		{"falls to the next tier when the top is tried", tiers, map[int64]bool{1: true, 2: true}, 3},
		{"standby weight 0 only after the weighted", []tier{{Channels: []*channel{{ID: 7, Weight: 0}, {ID: 8, Weight: 5}}}}, nil, 8},
		{"standby used when the rest is tried", []tier{{Channels: []*channel{{ID: 7, Weight: 0}, {ID: 8, Weight: 5}}}}, map[int64]bool{8: true}, 7},
		{"nothing left", tiers, map[int64]bool{1: true, 2: true, 3: true}, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := pick(c.tiers, c.tried, nil, time.Time{})
			if (got == nil && c.want != 0) || (got != nil && got.ID != c.want) {
				t.Fatalf("pick = %v, want %d", got, c.want)
			}
		})
	}
}

func TestSanitize(t *testing.T) {
	msg := sanitize("bad key sk-chanKEY and sk-abcdefgh12345 at api.example.test:8443 done", "sk-chanKEY", "https://api.example.test:8443/v1")
	if msg != "bad key sk-*** and sk-*** at  done" {
		t.Fatalf("sanitized %q", msg)
	}
}
