package proxy_test

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"testing"

	"kami/internal/adapter/ipipv"
	"kami/internal/dao"
	"kami/internal/logic/proxy"
	"kami/internal/model"
	"kami/internal/service"
)

type order struct {
	Id            int64    `json:"id"`
	AppOrderNo    string   `json:"appOrderNo"`
	Status        string   `json:"status"`
	SaleAmount    int64    `json:"saleAmount"`
	ChargedAmount int64    `json:"chargedAmount"`
	SuccessCount  int      `json:"successCount"`
	Instances     []string `json:"instances"`
	CostAmount    *int64   `json:"costAmount"`
}

func fund(t testing.TB, userID, amount int64) {
	t.Helper()
	if _, err := service.Quota().Credit(context.Background(), nil, model.QuotaMove{
		UserID: userID, Amount: amount, Type: model.QuotaTypeSystemRecharge}); err != nil {
		t.Fatal(err)
	}
}

func balanceOf(t testing.TB, userID int64) model.QuotaBalance {
	t.Helper()
	b, err := service.Quota().Balance(context.Background(), userID)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// onSale syncs the fake's default catalogue and prices ST101 (cost 10.00) at 12.00 a cycle.
func onSale(t *testing.T, w world) *ipipv.Fake {
	t.Helper()
	f := withFake(t, w)
	w.Admin.C.RunJob(t, proxy.JobProductSync)
	w.Admin.C.Put(t, "/api/proxy/products/ST101", map[string]any{"salePrice": 1200, "sellable": true}).Expect(t, http.StatusOK)
	w.Boss.C.Put(t, "/api/proxy/products/ST101", map[string]any{"salePrice": 1}).Expect(t, http.StatusForbidden)
	return f
}

// assertSettled checks §3's invariant for a terminal order: its reservation is committed or
// released, nothing of it still frozen.
func assertSettled(t *testing.T, o order) {
	t.Helper()
	r, err := service.Quota().ReservationByRef(context.Background(), "proxy_order:"+o.AppOrderNo)
	if err != nil || r == nil {
		t.Fatalf("reservation of %s: %v", o.AppOrderNo, err)
	}
	if r.Collected != o.ChargedAmount {
		t.Fatalf("%s collected %d, order says charged %d", o.AppOrderNo, r.Collected, o.ChargedAmount)
	}
}

func TestStaticOrderOutcomes(t *testing.T) {
	w := newWorld(t)
	f := onSale(t, w)
	fund(t, w.Agent.ID, 100_000)
	cases := []struct {
		name    string
		count   int
		outcome ipipv.Outcome
		status  string
		charged int64
	}{
		{"success", 2, ipipv.Success, "success", 2400},
		{"partial 3 of 5", 5, ipipv.Partial(3), "partial", 3600},
		{"failed upstream", 1, ipipv.Fail, "failed", 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := balanceOf(t, w.Agent.ID)
			var o order
			r := w.Agent.C.Post(t, "/api/proxy/orders/static", map[string]any{"productNo": "ST101", "count": tc.count, "cycleTimes": 1})
			r.Expect(t, http.StatusOK).Decode(t, &o)
			if o.Status != "processing" || o.CostAmount != nil {
				t.Fatalf("after send: %+v", o)
			}
			if b := balanceOf(t, w.Agent.ID); b.Frozen-before.Frozen != o.SaleAmount {
				t.Fatalf("frozen %d, want %d", b.Frozen-before.Frozen, o.SaleAmount)
			}
			f.Script(o.AppOrderNo, tc.outcome)
			f.Advance()
			w.Agent.C.Post(t, fmt.Sprintf("/api/proxy/orders/%d/refresh", o.Id), nil).Expect(t, http.StatusOK).Decode(t, &o)
			if o.Status != tc.status || o.ChargedAmount != tc.charged {
				t.Fatalf("after refresh: %+v", o)
			}
			after := balanceOf(t, w.Agent.ID)
			if after.Frozen != before.Frozen || before.Available-after.Available != tc.charged {
				t.Fatalf("balance %+v → %+v, want %d charged", before, after, tc.charged)
			}
			assertSettled(t, o)
			if len(f.OrdersFor(o.AppOrderNo)) != 1 {
				t.Fatal("one upstream order per local order")
			}
			// A second refresh (a duplicate trigger) changes nothing.
			w.Agent.C.Post(t, fmt.Sprintf("/api/proxy/orders/%d/refresh", o.Id), nil).Expect(t, http.StatusOK)
			if again := balanceOf(t, w.Agent.ID); again != after {
				t.Fatalf("a repeated apply moved money: %+v → %+v", after, again)
			}
			// Scope: the agent-admin sees it (its subtree), the super-admin sees the cost.
			w.Boss.C.Get(t, fmt.Sprintf("/api/proxy/orders/%d", o.Id)).Expect(t, http.StatusOK)
			var so order
			w.Admin.C.Get(t, fmt.Sprintf("/api/proxy/orders/%d", o.Id)).Expect(t, http.StatusOK).Decode(t, &so)
			if so.CostAmount == nil {
				t.Fatal("the super-admin sees costAmount")
			}
		})
	}
}

func TestStaticOrderRefusals(t *testing.T) {
	w := newWorld(t)
	f := onSale(t, w)
	fund(t, w.Agent.ID, 5000)
	other := login(t, testkitSeedAgent(t))

	f.Fault(ipipv.PathOpen, ipipv.Code(500, "库存不足"))
	r := w.Agent.C.Post(t, "/api/proxy/orders/static", map[string]any{"productNo": "ST101", "count": 1, "cycleTimes": 1})
	if r.Expect(t, http.StatusConflict); r.ErrorCode() != "UPSTREAM_REJECTED" {
		t.Fatalf("reason %q", r.ErrorCode())
	}
	if b := balanceOf(t, w.Agent.ID); b.Available != 5000 || b.Frozen != 0 {
		t.Fatalf("a rejected order charges nothing: %+v", b)
	}
	cases := []struct {
		name   string
		who    member
		body   map[string]any
		status int
		reason string
	}{
		{"not enough quota", w.Agent, map[string]any{"productNo": "ST101", "count": 5, "cycleTimes": 1}, 409, "QUOTA_INSUFFICIENT"},
		{"unpriced product", w.Agent, map[string]any{"productNo": "ST103", "count": 1, "cycleTimes": 1}, 409, "PRODUCT_NOT_SELLABLE"},
		{"unknown product", w.Agent, map[string]any{"productNo": "NOPE", "count": 1, "cycleTimes": 1}, 404, "NOT_FOUND"},
		{"count above 20", w.Agent, map[string]any{"productNo": "ST101", "count": 21, "cycleTimes": 1}, 400, ""},
		{"cycles above 12", w.Agent, map[string]any{"productNo": "ST101", "count": 1, "cycleTimes": 13}, 400, ""},
	}
	calls := len(f.Calls())
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := tc.who.C.Post(t, "/api/proxy/orders/static", tc.body).Expect(t, tc.status)
			if tc.reason != "" && r.ErrorCode() != tc.reason {
				t.Fatalf("reason %q, want %s", r.ErrorCode(), tc.reason)
			}
		})
	}
	if len(f.Calls()) != calls {
		t.Fatal("a refused order must not reach the upstream")
	}
	// Wrong owner: another agent's order is 404.
	var o order
	w.Agent.C.Post(t, "/api/proxy/orders/static", map[string]any{"productNo": "ST101", "count": 1, "cycleTimes": 1}).
		Expect(t, http.StatusOK).Decode(t, &o)
	other.C.Get(t, fmt.Sprintf("/api/proxy/orders/%d", o.Id)).Expect(t, http.StatusNotFound)
	other.C.Post(t, fmt.Sprintf("/api/proxy/orders/%d/refresh", o.Id), nil).Expect(t, http.StatusNotFound)
}

// 50 concurrent orders on quota for exactly 10: 10 go through, 40 are refused before any
// upstream call, and the ledger agrees with the orders.
func TestConcurrentOrdersNearQuota(t *testing.T) {
	w := newWorld(t)
	f := onSale(t, w)
	fund(t, w.Agent.ID, 10*1200)
	calls := len(f.Calls())
	var mu sync.Mutex
	got := map[int]int{}
	reasons := map[string]int{}
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := w.Agent.C.DoErr(http.MethodPost, "/api/proxy/orders/static", map[string]any{"productNo": "ST101", "count": 1, "cycleTimes": 1})
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				got[-1]++
				return
			}
			got[r.Status]++
			reasons[r.ErrorCode()]++
		}()
	}
	wg.Wait()
	if got[200] != 10 || got[409] != 40 || reasons["QUOTA_INSUFFICIENT"] != 40 {
		t.Fatalf("statuses %v reasons %v", got, reasons)
	}
	if n := len(f.Calls()) - calls; n != 10 {
		t.Fatalf("%d upstream sends, want 10", n)
	}
	b := balanceOf(t, w.Agent.ID)
	if b.Available != 0 || b.Frozen != 12000 {
		t.Fatalf("balance %+v", b)
	}
	f.Advance()
	ids, err := dao.ProxyOrder.Ctx(context.Background()).Where("agent_id", w.Agent.ID).Fields("id").Array()
	if err != nil || len(ids) != 10 {
		t.Fatalf("%d local orders, %v", len(ids), err)
	}
	for _, id := range ids {
		w.Agent.C.Post(t, fmt.Sprintf("/api/proxy/orders/%d/refresh", id.Int64()), nil).Expect(t, http.StatusOK)
	}
	if b := balanceOf(t, w.Agent.ID); b.Available != 0 || b.Frozen != 0 {
		t.Fatalf("after settling: %+v", b)
	}
}
