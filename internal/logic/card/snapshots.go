package card

import (
	"context"
	"strconv"

	"kami/internal/infra/snapcache"
	"kami/internal/model"
)

// cardsChanged tells the OpenAPI's snapshots that these cards changed after the change
// committed: every node answers their verifications from the new state within two seconds.
func cardsChanged(ctx context.Context, ids ...int64) {
	keys := make([]string, len(ids))
	for i, id := range ids {
		keys[i] = strconv.FormatInt(id, 10)
	}
	snapcache.Changed(ctx, model.SnapCard, keys...)
}
