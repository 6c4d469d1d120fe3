package derp_test

import (
	"net/http"
	"sync"
	"testing"

	v1 "kami/api/derp/v1"
	"kami/internal/testkit"
)

// activateBalance starts a rental of plan for the member from its balance and answers it.
func activateBalance(t *testing.T, w world, plan int64) v1.RentalDetail {
	t.Helper()
	var d v1.RentalDetail
	w.Member.C.Post(t, "/api/derp/me/rentals/activate", map[string]any{"planId": plan}).Expect(t, http.StatusOK).Decode(t, &d)
	return d
}

// renewBalance renews the member's rental by balance and answers the renewal's order.
func renewBalance(t *testing.T, w world, rental, plan int64) v1.OrderItem {
	t.Helper()
	var r v1.MeRentalRenewRes
	w.Member.C.Post(t, "/api/derp/me/rentals/"+itoa(rental)+"/renew", map[string]any{"planId": plan, "payMethod": "balance"}).
		Expect(t, http.StatusOK).Decode(t, &r)
	return *r.Order
}

// financeOrder is the order as the staff list shows it (S).
func financeOrder(t *testing.T, w world, id int64) v1.FinanceOrderItem {
	t.Helper()
	var l v1.OrderListRes
	w.Admin.C.Get(t, "/api/derp/orders/list?pageSize=100&customerId="+itoa(w.Member.ID)).Expect(t, http.StatusOK).Decode(t, &l)
	for _, o := range l.Items {
		if o.Id == id {
			return o
		}
	}
	t.Fatalf("order %d not listed: %+v", id, l)
	return v1.FinanceOrderItem{}
}

// drainTo spends the agent's balance on serials until what is left is below limit (and above 0),
// so a later debit of limit cannot be covered.
func drainTo(t *testing.T, w world, limit int64) {
	t.Helper()
	left := balanceOf(t, w, w.Agent.ID).Available
	if left < limit {
		return
	}
	// platinum pays price − floor(price·15 %): find a price whose unit price leaves 1..limit−1.
	for price := int64(1); price < 1_000_000; price++ {
		unit := price - price*1500/10000
		if rest := left - unit; rest > 0 && rest < limit {
			plan := sellablePlan(t, w, price, 30)
			w.Agent.C.Post(t, "/api/derp/serial-orders", map[string]any{"planId": plan, "count": 1, "payMethod": "balance"}).
				Expect(t, http.StatusOK)
			return
		}
	}
	t.Fatalf("cannot drain %d", left)
}

// §11, §14.10: a refund credits the customer and debits the platinum distributor
// floor(refund·1500/10000) in one transaction; an uncovered debit is 409 with nothing changed;
// partial refunds add up to at most the amount and reverse exactly the commission; a repeated
// Idempotency-Key moves nothing; only S refunds, and only customer balance orders.
func TestOrderRefund(t *testing.T) {
	w := newWorld(t)
	onlyServers(t, 3)
	tier(t, w, w.Agent.ID, "platinum")
	plan := sellablePlan(t, w, 1003, 30)
	recharge(t, w, w.Member.ID, 3000)
	d := activateBalance(t, w, plan)
	var l v1.OrderListRes
	w.Admin.C.Get(t, "/api/derp/orders/list?kind=rental_new&customerId="+itoa(w.Member.ID)).Expect(t, http.StatusOK).Decode(t, &l)
	if l.Total != 1 || l.Items[0].RentalId == nil || *l.Items[0].RentalId != d.Id {
		t.Fatalf("orders %+v", l)
	}
	o := l.Items[0]
	if o.Amount != 1003 || o.CommissionBps != 1500 || o.Commission != 150 || o.CommissionTo != w.Agent.ID ||
		o.Refunded != 0 || o.Status != "completed" || o.Tier != "platinum" {
		t.Fatalf("order %+v", o)
	}
	path := "/api/derp/orders/" + itoa(o.Id) + "/refund"
	for _, c := range []*testkit.Client{w.Boss.C, w.Agent.C, w.Member.C} {
		c.Put(t, path, map[string]any{"amount": 1}).Expect(t, http.StatusForbidden)
	}
	testClient().Put(t, path, map[string]any{"amount": 1}).Expect(t, http.StatusUnauthorized)
	w.Admin.C.Put(t, "/api/derp/orders/999999999/refund", map[string]any{"amount": 1}).Expect(t, http.StatusNotFound)
	expectReason(t, w.Admin.C.Put(t, path, map[string]any{"amount": 0}), http.StatusBadRequest, "INVALID_INPUT")
	expectReason(t, w.Admin.C.Put(t, path, map[string]any{"amount": 1004}), http.StatusBadRequest, "INVALID_INPUT")

	// The agent cannot give back floor(1003·15 %) = 150: 409, and nothing moved anywhere.
	drainTo(t, w, 150)
	member0, agent0 := balanceOf(t, w, w.Member.ID), balanceOf(t, w, w.Agent.ID)
	expectReason(t, w.Admin.C.Put(t, path, map[string]any{"amount": 1003}), http.StatusConflict, "QUOTA_INSUFFICIENT")
	if m, a := balanceOf(t, w, w.Member.ID), balanceOf(t, w, w.Agent.ID); m != member0 || a != agent0 {
		t.Fatalf("an uncovered refund moved quota: member %+v→%+v agent %+v→%+v", member0, m, agent0, a)
	}
	if got := financeOrder(t, w, o.Id); got.Refunded != 0 || got.Status != "completed" {
		t.Fatalf("an uncovered refund changed the order %+v", got)
	}
	if n := countRows(t, "quota_entries", "type=? AND ref=?", "derp_refund", "derp:refund:"+o.OrderNo); n != 0 {
		t.Fatalf("%d refund entries after a refused refund", n)
	}

	// Covered now: 500 back to the customer, floor(500·15 %) = 75 from the agent; the key replays.
	recharge(t, w, w.Agent.ID, 1000)
	agent1 := balanceOf(t, w, w.Agent.ID)
	w.Admin.C.Header.Set("Idempotency-Key", testkit.UniqueName("k"))
	var r v1.OrderRefundRes
	w.Admin.C.Put(t, path, map[string]any{"amount": 500, "remark": "partial"}).Expect(t, http.StatusOK).Decode(t, &r)
	if r.Id != o.Id || r.Refunded != 500 || r.Status != "refunded" {
		t.Fatalf("refund %+v", r)
	}
	var again v1.OrderRefundRes
	w.Admin.C.Put(t, path, map[string]any{"amount": 500, "remark": "partial"}).Expect(t, http.StatusOK).Decode(t, &again)
	expectReason(t, w.Admin.C.Put(t, path, map[string]any{"amount": 501}), http.StatusConflict, "IDEMPOTENCY_MISMATCH")
	w.Admin.C.Header.Del("Idempotency-Key")
	if again.Refunded != 500 {
		t.Fatalf("replayed refund %+v", again)
	}
	if m := balanceOf(t, w, w.Member.ID); m.Available != member0.Available+500 {
		t.Fatalf("customer after refund %+v (before %+v)", m, member0)
	}
	if a := balanceOf(t, w, w.Agent.ID); a.Available != agent1.Available-75 {
		t.Fatalf("agent after refund %+v (before %+v)", a, agent1)
	}

	// The rest: 504 is over the amount; 503 takes back floor(503·15 %) = 75, 150 in all = the commission.
	expectReason(t, w.Admin.C.Put(t, path, map[string]any{"amount": 504}), http.StatusBadRequest, "INVALID_INPUT")
	w.Admin.C.Put(t, path, map[string]any{"amount": 503}).Expect(t, http.StatusOK).Decode(t, &r)
	if r.Refunded != 1003 || r.Status != "refunded" {
		t.Fatalf("full refund %+v", r)
	}
	if m := balanceOf(t, w, w.Member.ID); m.Available != member0.Available+1003 {
		t.Fatalf("customer after full refund %+v", m)
	}
	if a := balanceOf(t, w, w.Agent.ID); a.Available != agent1.Available-150 {
		t.Fatalf("agent after full refund %+v", a)
	}
	if n := countRows(t, "quota_entries", "type=? AND user_id=? AND ref=?", "derp_refund", w.Member.ID,
		"derp:refund:"+o.OrderNo); n != 2 {
		t.Fatalf("%d customer refund entries", n)
	}
	if n := countRows(t, "quota_entries", "type=? AND user_id=? AND ref=?", "derp_commission_refund", w.Agent.ID,
		"derp:refund:"+o.OrderNo); n != 2 {
		t.Fatalf("%d commission refund entries", n)
	}
	expectReason(t, w.Admin.C.Put(t, path, map[string]any{"amount": 1}), http.StatusBadRequest, "INVALID_INPUT")

	// Only customer balance orders: a serial purchase is 409.
	w.Admin.C.Get(t, "/api/derp/orders/list?kind=serial_purchase&distributorId="+itoa(w.Agent.ID)).
		Expect(t, http.StatusOK).Decode(t, &l)
	if l.Total == 0 {
		t.Fatal("no serial purchase listed")
	}
	expectReason(t, w.Admin.C.Put(t, "/api/derp/orders/"+itoa(l.Items[0].Id)+"/refund", map[string]any{"amount": 1}),
		http.StatusConflict, "DERP_INVALID_STATE")
}

// Racing refunds of one order never pass its amount: of 4 concurrent refunds of 600 from 1003,
// exactly one lands, and the ledger moved exactly once.
func TestOrderRefundRace(t *testing.T) {
	w := newWorld(t)
	onlyServers(t, 3)
	tier(t, w, w.Agent.ID, "platinum")
	plan := sellablePlan(t, w, 1003, 30)
	recharge(t, w, w.Member.ID, 1003)
	d := activateBalance(t, w, plan)
	var l v1.OrderListRes
	w.Admin.C.Get(t, "/api/derp/orders/list?kind=rental_new&customerId="+itoa(w.Member.ID)).Expect(t, http.StatusOK).Decode(t, &l)
	if l.Total != 1 || *l.Items[0].RentalId != d.Id {
		t.Fatalf("orders %+v", l)
	}
	const racers = 4
	statuses := make([]int, racers)
	var wg sync.WaitGroup
	for i := range racers {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			r, err := w.Admin.C.DoErr("PUT", "/api/derp/orders/"+itoa(l.Items[0].Id)+"/refund", map[string]any{"amount": 600})
			if err == nil {
				statuses[i] = r.Status
			}
		}(i)
	}
	wg.Wait()
	won := 0
	for _, st := range statuses {
		switch st {
		case http.StatusOK:
			won++
		case http.StatusConflict, http.StatusBadRequest:
		default:
			t.Fatalf("refund statuses %v", statuses)
		}
	}
	if won != 1 {
		t.Fatalf("%d refunds won: %v", won, statuses)
	}
	if got := financeOrder(t, w, l.Items[0].Id); got.Refunded != 600 {
		t.Fatalf("refunded %d", got.Refunded)
	}
	if b := balanceOf(t, w, w.Member.ID); b.Available != 600 {
		t.Fatalf("customer %+v", b)
	}
}
