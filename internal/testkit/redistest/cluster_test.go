package redistest

import (
	"context"
	"strings"
	"testing"
)

// The cluster backend is worth having only if it refuses what a single Redis accepts: a script
// whose keys live in two hash slots. Keys sharing a {tag} are fine everywhere.
func TestClusterRefusesCrossSlotScripts(t *testing.T) {
	const script = `redis.call('SET', KEYS[1], '1', 'PX', 1000) redis.call('SET', KEYS[2], '1', 'PX', 1000) return 1`
	ForEach(t, "redistest", nil, func(t *testing.T, b *Backend) {
		r := b.Client(t)
		ctx := context.Background()
		_, err := r.Do(ctx, "EVAL", script, 2, b.Key("{same}a"), b.Key("{same}b"))
		if err != nil {
			t.Fatalf("same slot: %v", err)
		}
		_, err = r.Do(ctx, "EVAL", script, 2, b.Key("left"), b.Key("right-other"))
		if b.Cluster {
			if err == nil || !strings.Contains(err.Error(), "CROSSSLOT") {
				t.Fatalf("cluster accepted a cross-slot script: %v", err)
			}
		} else if err != nil {
			t.Fatalf("single node: %v", err)
		}
	})
}
