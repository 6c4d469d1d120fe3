package proxy_test

import (
	"fmt"
	"net/http"
	"testing"

	"kami/internal/adapter/ipipv"
)

type flowReturn struct {
	Id           int64 `json:"id"`
	ReturnAmount int64 `json:"returnAmount"`
	CreditAmount int64 `json:"creditAmount"`
}

// TestFlowReturns: the upstream takes the flow back first; the credit follows the default
// formula or the given amount and never exceeds what the agent paid for the product in 90 days.
func TestFlowReturns(t *testing.T) {
	w := newWorld(t)
	f := onSaleDynamic(t, w)
	fund(t, w.Agent.ID, 10_000)
	var o order
	w.Agent.C.Post(t, "/api/proxy/orders/dynamic", map[string]any{"productNo": "DYN104", "flowGb": 2}).
		Expect(t, http.StatusOK).Decode(t, &o)
	f.Advance()
	w.Agent.C.Post(t, fmt.Sprintf("/api/proxy/orders/%d/refresh", o.Id), nil).Expect(t, http.StatusOK).Decode(t, &o)
	if o.Status != "success" || o.ChargedAmount != 1000 {
		t.Fatalf("setup order %+v", o)
	}
	body := func(mb int64, credit ...int64) map[string]any {
		b := map[string]any{"agentId": w.Agent.ID, "productNo": "DYN104", "flowMb": mb, "remark": "unused"}
		if len(credit) > 0 {
			b["creditAmount"] = credit[0]
		}
		return b
	}

	// Only the super-admin may return flow.
	w.Boss.C.Post(t, "/api/proxy/returns", body(1024)).Expect(t, http.StatusForbidden)
	w.Agent.C.Post(t, "/api/proxy/returns", body(1024)).Expect(t, http.StatusForbidden)
	if n := len(f.Returns()); n != 0 {
		t.Fatalf("a refused caller reaches the upstream: %d", n)
	}

	// Upstream failure: nothing credited.
	f.Fault(ipipv.PathReturn, ipipv.Code(500, "no"))
	if r := w.Admin.C.Post(t, "/api/proxy/returns", body(1024)).Expect(t, http.StatusConflict); r.ErrorCode() != "UPSTREAM_REJECTED" {
		t.Fatalf("reason %q", r.ErrorCode())
	}
	f.Fault(ipipv.PathReturn, ipipv.HTTP502())
	w.Admin.C.Post(t, "/api/proxy/returns", body(1024)).Expect(t, http.StatusServiceUnavailable)
	if b := balanceOf(t, w.Agent.ID); b.Available != 9000 {
		t.Fatalf("a failed return credits nothing: %+v", b)
	}

	steps := []struct {
		name           string
		req            map[string]any
		returned, want int64
	}{
		// 1 GB back at cost 3.00 → 300 fen; × sale 500 / cost 300 → 500.
		{"default formula", body(1024), 300, 500},
		{"given amount", body(1024, 123), 300, 123},
		// 4 GB → 1200 fen back, formula 2000, but only 1000 − 623 paid remains.
		{"capped", body(4096), 1200, 377},
		{"nothing left", body(1024), 300, 0},
	}
	balance := int64(9000)
	for _, st := range steps {
		var r flowReturn
		w.Admin.C.Post(t, "/api/proxy/returns", st.req).Expect(t, http.StatusOK).Decode(t, &r)
		balance += st.want
		if r.ReturnAmount != st.returned || r.CreditAmount != st.want {
			t.Fatalf("%s: %+v", st.name, r)
		}
		if b := balanceOf(t, w.Agent.ID); b.Available != balance || b.Frozen != 0 {
			t.Fatalf("%s: balance %+v, want %d", st.name, b, balance)
		}
	}
	if rs := f.Returns(); len(rs) != 4 || rs[0].FlowMB != 1024 || rs[0].AppUsername != fmt.Sprintf("kami_%d", w.Agent.ID) {
		t.Fatalf("upstream returns %+v", rs)
	}

	// An agent who bought nothing of the product gets nothing; an unknown agent is refused before the upstream.
	other := login(t, testkitSeedAgent(t))
	var r flowReturn
	w.Admin.C.Post(t, "/api/proxy/returns", map[string]any{"agentId": other.ID, "productNo": "DYN104", "flowMb": 1024}).
		Expect(t, http.StatusOK).Decode(t, &r)
	if r.CreditAmount != 0 {
		t.Fatalf("no purchase, no credit: %+v", r)
	}
	w.Admin.C.Post(t, "/api/proxy/returns", map[string]any{"agentId": 99_999_999, "productNo": "DYN104", "flowMb": 1024}).
		Expect(t, http.StatusNotFound)
	w.Admin.C.Post(t, "/api/proxy/returns", map[string]any{"agentId": w.Agent.ID, "productNo": "DYN104", "flowMb": 0}).
		Expect(t, http.StatusBadRequest)
	if n := len(f.Returns()); n != 5 {
		t.Fatalf("refusals reach the upstream: %d", n)
	}
}
