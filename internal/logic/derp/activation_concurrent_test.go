package derp_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"testing"

	v1 "kami/api/derp/v1"
	"kami/internal/consts"
	"kami/internal/testkit"
)

// Many activations with distinct serials at once (B3 in small): every one succeeds with 3
// containers, no (server, port) is taken twice, and each serial names its own rental. On
// MySQL this is what fails without the id-ordered server claims and the current-read port scan
// (deadlocks, or DERP_NO_CAPACITY from a stale snapshot).
func TestActivateConcurrentDistinctSerials(t *testing.T) {
	w := newWorld(t)
	onlyServers(t, 5)
	plan := sellablePlan(t, w, 100, 30)
	const n = 40
	var batch v1.SerialBatchCreateRes
	w.Admin.C.Post(t, "/api/derp/serials/batches", map[string]any{"planId": plan, "count": n}).Expect(t, http.StatusOK).Decode(t, &batch)
	members := make([]*testkit.Client, 4)
	for i := range members {
		members[i] = testkit.Current().Login(t, testkit.SeedUser(t, consts.RoleMember, w.Agent.SeededUser))
	}
	got := make([]v1.RentalDetail, n)
	fails := make([]string, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := members[i%len(members)].DoErr("POST", "/api/derp/me/rentals/activate", map[string]any{"serial": batch.Codes[i]})
			switch {
			case err != nil:
				fails[i] = err.Error()
			case r.Status != http.StatusOK:
				fails[i] = fmt.Sprintf("%d %s", r.Status, r.Raw)
			default:
				if err := json.Unmarshal(r.Data, &got[i]); err != nil {
					fails[i] = err.Error()
				}
			}
		}()
	}
	wg.Wait()
	ports, rentals := map[string]bool{}, map[int64]bool{}
	for i, d := range got {
		if fails[i] != "" {
			t.Fatalf("activation %d: %s", i, fails[i])
		}
		if rentals[d.Id] || len(d.Nodes) != 3 || d.PlacementDegraded {
			t.Fatalf("activation %d: %+v", i, d)
		}
		rentals[d.Id] = true
		for _, nd := range d.Nodes {
			k := fmt.Sprintf("%s:%d", nd.Host, nd.Port)
			if ports[k] {
				t.Fatalf("port %s twice", k)
			}
			ports[k] = true
		}
	}
	if used := countRows(t, "derp_serials", "batch_id=? AND status=? AND rental_id IS NOT NULL", batch.Id, "used"); used != n {
		t.Fatalf("%d serials used", used)
	}
}
