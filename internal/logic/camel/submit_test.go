package camel_test

import (
	"net/http"
	"strings"
	"sync"
	"testing"
)

func TestSubmitAndQuery(t *testing.T) {
	p := newPool(t, 1000)
	accs := p.online(t, 1, 10)
	r := p.sign.post(t, "/orders", map[string]any{"merchantOrderNo": "m-1", "amount": 1000, "attach": "x=1"})
	o := r.order(t)
	if !strings.HasPrefix(o.OrderNo, "CO") || len(o.OrderNo) != 20 || o.Status != "pending_pay" || o.PayURL == "" ||
		o.Attach != "x=1" || o.Amount != 1000 || o.ExpireAt == nil || o.PaidAt != nil || r.Env.Code != 0 {
		t.Fatalf("submitted %+v %+v", o, r.Env)
	}
	if a := p.get(t, accs[0].ID); a.DailyOrderCount != 1 || p.fake.OrdersFor(p.tokens[accs[0].ID]) != 1 {
		t.Fatalf("account after one order: %+v", a)
	}
	for _, body := range []map[string]any{{"merchantOrderNo": "m-1"}, {"orderNo": o.OrderNo}} {
		q := p.sign.post(t, "/orders/query", body).order(t)
		if q.OrderNo != o.OrderNo || q.Status != "pending_pay" {
			t.Fatalf("query %v: %+v", body, q)
		}
	}
	if r := p.sign.post(t, "/orders/query", map[string]any{"orderNo": "CO000"}); r.Status != http.StatusNotFound || r.code() != "ORDER_NOT_FOUND" {
		t.Fatalf("unknown order: %d %s", r.Status, r.code())
	}
	for _, bad := range []map[string]any{{"merchantOrderNo": "a b", "amount": 1000}, {"merchantOrderNo": "m-2", "amount": 99},
		{"merchantOrderNo": "m-2"}, {"merchantOrderNo": "m-2", "amount": 100001}} {
		if r := p.sign.post(t, "/orders", bad); r.Status != http.StatusBadRequest || r.code() != "BAD_REQUEST" {
			t.Fatalf("%v: %d %s", bad, r.Status, r.code())
		}
	}
}

// TestSubmitIdempotent (§7.2): one merchantOrderNo 20× at once → one order and one platform
// call; the same number with another amount → 409 DUPLICATE_ORDER_NO.
func TestSubmitIdempotent(t *testing.T) {
	p := newPool(t, 1000)
	p.online(t, 2, 50)
	var wg sync.WaitGroup
	orders := make([]mResp, 20)
	for i := range orders {
		wg.Add(1)
		go func() { defer wg.Done(); orders[i] = p.submit(t, "same-1", 500) }()
	}
	wg.Wait()
	first := ""
	for _, r := range orders {
		if r.Status == http.StatusConflict && r.code() == "ORDER_IN_PROGRESS" {
			continue
		}
		o := r.order(t)
		if first == "" {
			first = o.OrderNo
		}
		if o.OrderNo != first {
			t.Fatalf("two orders for one merchantOrderNo: %s %s", first, o.OrderNo)
		}
	}
	if first == "" || orderRows(t, p.merchant.ID) != 1 || p.fake.Calls() != 1 {
		t.Fatalf("rows %d, platform calls %d", orderRows(t, p.merchant.ID), p.fake.Calls())
	}
	if r := p.submit(t, "same-1", 600); r.Status != http.StatusConflict || r.code() != "DUPLICATE_ORDER_NO" {
		t.Fatalf("another amount: %d %s", r.Status, r.code())
	}
}
