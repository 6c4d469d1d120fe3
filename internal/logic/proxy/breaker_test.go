package proxy_test

import (
	"context"
	"net"
	"net/http"
	"testing"
	"time"

	"kami/internal/dao"
	"kami/internal/testkit"
)

// Dial failures open the per-node breaker: the next order is 503 before any reserve; a probe
// after 30 s (shared clock) closes it.
func TestBreakerOpensOnDialFailures(t *testing.T) {
	w := newWorld(t)
	f := onSale(t, w)
	freeze(t)
	fund(t, w.Agent.ID, 100_000)
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	dead := "http://" + l.Addr().String()
	l.Close()
	w.Admin.C.Put(t, "/api/proxy/settings", map[string]any{"baseUrl": dead}).Expect(t, http.StatusOK)
	body := map[string]any{"productNo": "ST101", "count": 1, "cycleTimes": 1}
	// Each never-sent order write is retried inline (3 attempts): two orders are 6 failures.
	for i := 0; i < 2; i++ {
		r := w.Agent.C.Post(t, "/api/proxy/orders/static", body).Expect(t, http.StatusServiceUnavailable)
		if r.ErrorCode() != "UPSTREAM_UNAVAILABLE" {
			t.Fatalf("reason %q", r.ErrorCode())
		}
	}
	rows := func() int {
		n, err := dao.ProxyOrder.Ctx(context.Background()).Where("agent_id", w.Agent.ID).Count()
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := rows()
	w.Admin.C.Put(t, "/api/proxy/settings", map[string]any{"baseUrl": f.URL()}).Expect(t, http.StatusOK)
	w.Agent.C.Post(t, "/api/proxy/orders/static", body).Expect(t, http.StatusServiceUnavailable)
	if rows() != before {
		t.Fatal("an open breaker refuses before the order row and its reserve")
	}
	if b := balanceOf(t, w.Agent.ID); b.Available != 100_000 || b.Frozen != 0 {
		t.Fatalf("never-sent orders are released: %+v", b)
	}
	testkit.SharedClock{}.Advance(t, 31*time.Second)
	w.Agent.C.Post(t, "/api/proxy/orders/static", body).Expect(t, http.StatusOK)
}
