package relay

import (
	"math/rand/v2"
	"time"
)

// pick chooses the next channel for (group, model): the highest priority tier with a channel
// not yet tried in this request and not cooling on this node, weighted random inside it
// (weight 0 beside positive weights is a standby; all 0 is uniform). When every untried channel
// is cooling, the least recently tripped one (fail open: a request is better served by a
// doubtful channel than refused). nil when every channel was tried.
func pick(tiers []tier, tried map[int64]bool, cool *cooler, now time.Time) *channel {
	var coolest *channel
	var coolestAt time.Time
	for _, t := range tiers {
		var eligible []*channel
		total := 0
		for _, c := range t.Channels {
			if tried[c.ID] {
				continue
			}
			if cool != nil && cool.cooling(c.ID, now) {
				if at := cool.lastTripped(c.ID); coolest == nil || at.Before(coolestAt) {
					coolest, coolestAt = c, at
				}
				continue
			}
			eligible = append(eligible, c)
			total += max(c.Weight, 0)
		}
		if len(eligible) == 0 {
			continue
		}
		if total == 0 {
			return eligible[rand.IntN(len(eligible))]
		}
		n := rand.IntN(total)
		for _, c := range eligible {
			if n -= max(c.Weight, 0); n < 0 {
				return c
			}
		}
	}
	return coolest
}
