package proxy_test

import (
	"fmt"
	"net/http"
	"sync"
	"testing"

	"kami/internal/adapter/ipipv"
)

// openedInstances buys n ST101 instances for the agent and returns their numbers.
func openedInstances(t *testing.T, w world, f *ipipv.Fake, n int) []string {
	t.Helper()
	var o order
	w.Agent.C.Post(t, "/api/proxy/orders/static", map[string]any{"productNo": "ST101", "count": n, "cycleTimes": 1}).
		Expect(t, http.StatusOK).Decode(t, &o)
	f.Advance()
	w.Agent.C.Post(t, fmt.Sprintf("/api/proxy/orders/%d/refresh", o.Id), nil).Expect(t, http.StatusOK).Decode(t, &o)
	if len(o.Instances) != n {
		t.Fatalf("opened %+v", o)
	}
	return o.Instances
}

func TestRenewAndRelease(t *testing.T) {
	w := newWorld(t)
	f := onSale(t, w)
	fund(t, w.Agent.ID, 20_000)
	other := login(t, testkitSeedAgent(t))
	nos := openedInstances(t, w, f, 2)
	var before instance
	w.Agent.C.Get(t, "/api/proxy/instances/"+nos[0]).Expect(t, http.StatusOK).Decode(t, &before)

	// Renew 2 cycles of one instance: 1200 × 2 charged, expiry moved to what the upstream says.
	bal := balanceOf(t, w.Agent.ID)
	var o order
	w.Agent.C.Post(t, "/api/proxy/instances/renew", map[string]any{"instanceNos": []string{nos[0]}, "cycleTimes": 2}).
		Expect(t, http.StatusOK).Decode(t, &o)
	if o.Status != "processing" || o.SaleAmount != 2400 {
		t.Fatalf("renew %+v", o)
	}
	if r := w.Agent.C.Post(t, "/api/proxy/instances/release", map[string]any{"instanceNos": []string{nos[0]}}).
		Expect(t, http.StatusConflict); r.ErrorCode() != "INSTANCE_BUSY" {
		t.Fatalf("reason %q", r.ErrorCode())
	}
	f.Advance()
	w.Agent.C.Post(t, fmt.Sprintf("/api/proxy/orders/%d/refresh", o.Id), nil).Expect(t, http.StatusOK).Decode(t, &o)
	if o.Status != "success" || o.ChargedAmount != 2400 {
		t.Fatalf("renew after refresh %+v", o)
	}
	assertSettled(t, o)
	if b := balanceOf(t, w.Agent.ID); bal.Available-b.Available != 2400 || b.Frozen != 0 {
		t.Fatalf("balance %+v → %+v", bal, b)
	}
	var after instance
	w.Agent.C.Get(t, "/api/proxy/instances/"+nos[0]).Expect(t, http.StatusOK).Decode(t, &after)
	if after.ExpiresAt == nil || before.ExpiresAt == nil || *after.ExpiresAt <= *before.ExpiresAt {
		t.Fatalf("expiry %v → %v", before.ExpiresAt, after.ExpiresAt)
	}

	// Release: free, the instance ends released, a second release is refused.
	bal = balanceOf(t, w.Agent.ID)
	w.Agent.C.Post(t, "/api/proxy/instances/release", map[string]any{"instanceNos": []string{nos[0]}}).
		Expect(t, http.StatusOK).Decode(t, &o)
	f.Advance()
	w.Agent.C.Post(t, fmt.Sprintf("/api/proxy/orders/%d/refresh", o.Id), nil).Expect(t, http.StatusOK).Decode(t, &o)
	w.Agent.C.Get(t, "/api/proxy/instances/"+nos[0]).Expect(t, http.StatusOK).Decode(t, &after)
	if o.Status != "success" || after.Status != "released" {
		t.Fatalf("release %+v, instance %+v", o, after)
	}
	if b := balanceOf(t, w.Agent.ID); b != bal {
		t.Fatalf("a release charges nothing: %+v → %+v", bal, b)
	}
	w.Agent.C.Post(t, "/api/proxy/instances/release", map[string]any{"instanceNos": []string{nos[0]}}).Expect(t, http.StatusConflict)

	// Refusals before any upstream call: foreign, too many, duplicates, bad cycles.
	calls := len(f.Calls())
	other.C.Post(t, "/api/proxy/instances/renew", map[string]any{"instanceNos": []string{nos[1]}, "cycleTimes": 1}).Expect(t, http.StatusNotFound)
	other.C.Post(t, "/api/proxy/instances/release", map[string]any{"instanceNos": []string{nos[1]}}).Expect(t, http.StatusNotFound)
	many := make([]string, 21)
	for i := range many {
		many[i] = fmt.Sprintf("X%d", i)
	}
	w.Agent.C.Post(t, "/api/proxy/instances/release", map[string]any{"instanceNos": many}).Expect(t, http.StatusBadRequest)
	w.Agent.C.Post(t, "/api/proxy/instances/release", map[string]any{"instanceNos": []string{nos[1], nos[1]}}).Expect(t, http.StatusBadRequest)
	w.Agent.C.Post(t, "/api/proxy/instances/renew", map[string]any{"instanceNos": []string{nos[1]}, "cycleTimes": 13}).Expect(t, http.StatusBadRequest)
	if len(f.Calls()) != calls {
		t.Fatal("a refused renew or release must not reach the upstream")
	}
}

// Renew and release of one instance at once: the guarded claim lets exactly one through.
func TestRenewReleaseRace(t *testing.T) {
	w := newWorld(t)
	f := onSale(t, w)
	fund(t, w.Agent.ID, 20_000)
	no := openedInstances(t, w, f, 1)[0]
	bal := balanceOf(t, w.Agent.ID)
	for round := 0; round < 3; round++ {
		var wg sync.WaitGroup
		statuses := make([]int, 2)
		reasons := make([]string, 2)
		ids := make([]int64, 2)
		bodies := []map[string]any{{"instanceNos": []string{no}, "cycleTimes": 1}, {"instanceNos": []string{no}}}
		for i, path := range []string{"/api/proxy/instances/renew", "/api/proxy/instances/release"} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r, err := w.Agent.C.DoErr(http.MethodPost, path, bodies[i])
				if err != nil {
					statuses[i] = -1
					return
				}
				statuses[i], reasons[i] = r.Status, r.ErrorCode()
				if r.Status == 200 {
					var o order
					r.Decode(t, &o)
					ids[i] = o.Id
				}
			}()
		}
		wg.Wait()
		ok, busy := 0, 0
		for i := range statuses {
			switch {
			case statuses[i] == 200:
				ok++
			case statuses[i] == 409 && reasons[i] == "INSTANCE_BUSY":
				busy++
			}
		}
		if ok != 1 || busy != 1 {
			t.Fatalf("round %d: statuses %v reasons %v", round, statuses, reasons)
		}
		if statuses[1] == 200 {
			return // released: nothing left to race over
		}
		// The renew won: let it finish so the instance is free for the next round.
		f.Advance()
		if b := balanceOf(t, w.Agent.ID); b.Frozen != 1200 {
			t.Fatalf("one renew reserve frozen: %+v", b)
		}
		w.Agent.C.Post(t, fmt.Sprintf("/api/proxy/orders/%d/refresh", ids[0]), nil).Expect(t, http.StatusOK)
		if b := balanceOf(t, w.Agent.ID); b.Frozen != 0 || bal.Available-b.Available != int64(1200*(round+1)) {
			t.Fatalf("after the renew %+v (from %+v)", b, bal)
		}
	}
}
