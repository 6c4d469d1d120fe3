package proxy_test

import (
	"context"
	"net/http"
	"sync"
	"testing"

	"kami/internal/dao"
	"kami/internal/testkit"
)

// The same Idempotency-Key five times at once: one order, one reserve, every answer the same
// order; the key with another body is 409 IDEMPOTENCY_MISMATCH.
func TestOrderIdempotencyKey(t *testing.T) {
	w := newWorld(t)
	f := onSale(t, w)
	fund(t, w.Agent.ID, 100_000)
	calls := len(f.Calls())
	c := testkit.Current().Login(t, w.Agent.SeededUser)
	c.Header.Set("Idempotency-Key", testkit.UniqueName("order-"))
	body := map[string]any{"productNo": "ST101", "count": 2, "cycleTimes": 1}
	ids := make([]int64, 5)
	var wg sync.WaitGroup
	for i := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := c.DoErr(http.MethodPost, "/api/proxy/orders/static", body)
			if err != nil || r.Status != http.StatusOK {
				return
			}
			var o order
			r.Decode(t, &o)
			ids[i] = o.Id
		}()
	}
	wg.Wait()
	for _, id := range ids {
		if id == 0 || id != ids[0] {
			t.Fatalf("every replay answers the first order: %v", ids)
		}
	}
	n, err := dao.ProxyOrder.Ctx(context.Background()).Where("agent_id", w.Agent.ID).Count()
	if err != nil || n != 1 || len(f.Calls())-calls != 1 {
		t.Fatalf("%d orders, %d upstream calls; want 1 and 1", n, len(f.Calls())-calls)
	}
	if b := balanceOf(t, w.Agent.ID); b.Frozen != 2400 {
		t.Fatalf("one reserve: %+v", b)
	}
	body["count"] = 3
	if r := c.Post(t, "/api/proxy/orders/static", body).Expect(t, http.StatusConflict); r.ErrorCode() != "IDEMPOTENCY_MISMATCH" {
		t.Fatalf("reason %q", r.ErrorCode())
	}
}
