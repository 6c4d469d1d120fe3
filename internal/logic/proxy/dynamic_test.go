package proxy_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"kami/internal/adapter/ipipv"
	"kami/internal/logic/proxy"
)

// onSaleDynamic syncs the catalogue and prices DYN104 (base 1024, cost 3.00/GB) at 5.00 and
// DYN105 (base 1000, cost 4.00/GB) at 6.00.
func onSaleDynamic(t *testing.T, w world) *ipipv.Fake {
	t.Helper()
	f := withFake(t, w)
	w.Admin.C.RunJob(t, proxy.JobProductSync)
	w.Admin.C.Put(t, "/api/proxy/products/DYN104", map[string]any{"salePrice": 500, "sellable": true}).Expect(t, http.StatusOK)
	w.Admin.C.Put(t, "/api/proxy/products/DYN105", map[string]any{"salePrice": 600, "sellable": true}).Expect(t, http.StatusOK)
	return f
}

// lastOpen is the decrypted params of the last instance/open/v2 call.
func lastOpen(t *testing.T, f *ipipv.Fake) ipipv.OpenRequest {
	t.Helper()
	calls := callsTo(f, ipipv.PathOpen)
	if len(calls) == 0 {
		t.Fatal("no open call")
	}
	var r ipipv.OpenRequest
	if err := json.Unmarshal(calls[len(calls)-1].Params, &r); err != nil {
		t.Fatal(err)
	}
	return r
}

func TestDynamicOrderForUser(t *testing.T) {
	w := newWorld(t)
	f := onSaleDynamic(t, w)
	fund(t, w.Agent.ID, 10_000)
	other := login(t, testkitSeedAgent(t))
	fund(t, other.ID, 10_000)

	var u proxyUser
	w.Agent.C.Post(t, "/api/proxy/users", map[string]any{"username": "dyn01", "flowLimit": 0}).
		Expect(t, http.StatusOK).Decode(t, &u)
	var o order
	w.Agent.C.Post(t, "/api/proxy/orders/dynamic", map[string]any{"productNo": "DYN104", "flowGb": 2, "userId": u.Id}).
		Expect(t, http.StatusOK).Decode(t, &o)
	if o.Status != "processing" || o.SaleAmount != 1000 {
		t.Fatalf("after send %+v", o)
	}
	req := lastOpen(t, f)
	main := fmt.Sprintf("kami_%d", w.Agent.ID)
	if it := req.Params[0]; it.Flow != 2*1024 || it.AppUsername != main || it.Renew {
		t.Fatalf("flow = GB × base MB on the main account: %+v", it)
	}
	f.Advance()
	w.Agent.C.Post(t, fmt.Sprintf("/api/proxy/orders/%d/refresh", o.Id), nil).Expect(t, http.StatusOK).Decode(t, &o)
	if o.Status != "success" || o.ChargedAmount != 1000 {
		t.Fatalf("after refresh %+v", o)
	}
	assertSettled(t, o)
	if b := balanceOf(t, w.Agent.ID); b.Available != 9000 || b.Frozen != 0 {
		t.Fatalf("balance %+v", b)
	}
	if v, ok := f.Limit(u.AppUsername, "DYN104"); !ok || v != 2<<30 {
		t.Fatalf("the user's limit grows by the bought bytes and is pushed: %v %d", ok, v)
	}
	// A second trigger changes nothing (the limit grows once).
	w.Agent.C.Post(t, fmt.Sprintf("/api/proxy/orders/%d/refresh", o.Id), nil).Expect(t, http.StatusOK)
	if v, _ := f.Limit(u.AppUsername, "DYN104"); v != 2<<30 {
		t.Fatalf("limit after a duplicate apply %d", v)
	}

	// Base 1000: 2 GB is 2000 MB; without a user no limit is touched.
	w.Agent.C.Post(t, "/api/proxy/orders/dynamic", map[string]any{"productNo": "DYN105", "flowGb": 2}).Expect(t, http.StatusOK).Decode(t, &o)
	if it := lastOpen(t, f).Params[0]; it.Flow != 2000 || o.SaleAmount != 1200 {
		t.Fatalf("base 1000: %+v, sale %d", it, o.SaleAmount)
	}

	// Refusals: the upstream's 库存不足 → 409 and nothing charged; another agent's user → 404.
	before := balanceOf(t, w.Agent.ID)
	f.Fault(ipipv.PathOpen, ipipv.Code(500, "库存不足"))
	if r := w.Agent.C.Post(t, "/api/proxy/orders/dynamic", map[string]any{"productNo": "DYN104", "flowGb": 1}).
		Expect(t, http.StatusConflict); r.ErrorCode() != "UPSTREAM_REJECTED" {
		t.Fatalf("reason %q", r.ErrorCode())
	}
	if b := balanceOf(t, w.Agent.ID); b != before {
		t.Fatalf("a rejected order charges nothing: %+v → %+v", before, b)
	}
	calls := len(f.Calls())
	other.C.Post(t, "/api/proxy/orders/dynamic", map[string]any{"productNo": "DYN104", "flowGb": 1, "userId": u.Id}).
		Expect(t, http.StatusNotFound)
	w.Agent.C.Post(t, "/api/proxy/orders/dynamic", map[string]any{"productNo": "DYN104", "flowGb": 1001}).Expect(t, http.StatusBadRequest)
	w.Agent.C.Post(t, "/api/proxy/orders/dynamic", map[string]any{"productNo": "ST101", "flowGb": 1}).Expect(t, http.StatusConflict)
	if len(f.Calls()) != calls {
		t.Fatal("a refused order must not reach the upstream")
	}
}
