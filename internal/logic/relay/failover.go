package relay

import (
	"math/rand/v2"
)

// pick chooses the next channel for (group, model): the highest priority tier with a channel
// not yet tried in this request, weighted random inside it (weight 0 beside positive weights is
// a standby; all 0 is uniform). nil when every channel was tried.
func pick(tiers []tier, tried map[int64]bool) *channel {
	for _, t := range tiers {
		var eligible []*channel
		total := 0
		for _, c := range t.Channels {
			if !tried[c.ID] {
				eligible = append(eligible, c)
				total += max(c.Weight, 0)
			}
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
	return nil
}
