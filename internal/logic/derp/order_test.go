package derp_test

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	v1 "kami/api/derp/v1"
	"kami/internal/dao"
	"kami/internal/testkit"
)

// sellablePlan creates an enabled plan of price units and days.
func sellablePlan(t *testing.T, w world, price int64, days int) int64 {
	t.Helper()
	var p v1.PlanItem
	w.Admin.C.Post(t, "/api/derp/plans", map[string]any{"name": testkit.UniqueName("p"), "days": days, "price": price,
		"status": "enabled"}).Expect(t, http.StatusOK).Decode(t, &p)
	return p.Id
}

func recharge(t *testing.T, w world, userID, amount int64) {
	t.Helper()
	w.Admin.C.Post(t, "/api/quota/recharge", map[string]any{"userId": userID, "amount": amount}).Expect(t, http.StatusOK)
}

type balance struct {
	Available int64 `json:"available"`
	Frozen    int64 `json:"frozen"`
}

func balanceOf(t *testing.T, w world, userID int64) balance {
	t.Helper()
	var b balance
	w.Admin.C.Get(t, "/api/quota/balance?userId="+itoa(userID)).Expect(t, http.StatusOK).Decode(t, &b)
	return b
}

func countRows(t *testing.T, table string, where string, args ...any) int {
	t.Helper()
	n, err := dao.DerpOrders.DB().Model(table).Ctx(context.Background()).Where(where, args...).Count()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// §14.10: a gold purchase debits exactly count·(list − 10 %) from available (frozen unchanged)
// and answers the codes; an insufficient balance writes nothing; a repeated key moves nothing.
func TestSerialOrderBalance(t *testing.T) {
	w := newWorld(t)
	plan := sellablePlan(t, w, 1001, 30)
	body := map[string]any{"planId": plan, "count": 3, "payMethod": "balance"}
	expectReason(t, w.Agent.C.Post(t, "/api/derp/serial-orders", body), http.StatusForbidden, "DERP_NOT_DISTRIBUTOR")
	tier(t, w, w.Agent.ID, "gold")

	// 3·(1001 − floor(100.1)) = 3·901 = 2703; the balance holds one unit less.
	recharge(t, w, w.Agent.ID, 2702)
	expectReason(t, w.Agent.C.Post(t, "/api/derp/serial-orders", body), http.StatusConflict, "QUOTA_INSUFFICIENT")
	if n := countRows(t, "derp_orders", "buyer_id=?", w.Agent.ID); n != 0 {
		t.Fatalf("%d orders after a refused purchase", n)
	}
	if n := countRows(t, "derp_serial_batches", "distributor_id=?", w.Agent.ID); n != 0 {
		t.Fatalf("%d batches after a refused purchase", n)
	}
	if b := balanceOf(t, w, w.Agent.ID); b.Available != 2702 || b.Frozen != 0 {
		t.Fatalf("balance after refusal %+v", b)
	}

	recharge(t, w, w.Agent.ID, 1000)
	w.Agent.C.Header.Set("Idempotency-Key", testkit.UniqueName("k"))
	var o v1.OrderItem
	w.Agent.C.Post(t, "/api/derp/serial-orders", body).Expect(t, http.StatusOK).Decode(t, &o)
	if o.Status != "completed" || o.Kind != "serial_purchase" || o.ListPrice != 1001 || o.DiscountBps != 1000 ||
		o.UnitPrice != 901 || o.Amount != 2703 || len(o.Codes) != 3 || o.BatchId == nil || o.PayMethod != "balance" {
		t.Fatalf("order %+v", o)
	}
	if b := balanceOf(t, w, w.Agent.ID); b.Available != 3702-2703 || b.Frozen != 0 {
		t.Fatalf("balance after purchase %+v", b)
	}
	var again v1.OrderItem
	w.Agent.C.Post(t, "/api/derp/serial-orders", body).Expect(t, http.StatusOK).Decode(t, &again)
	if again.Id != o.Id {
		t.Fatalf("a repeated key made order %d (first %d)", again.Id, o.Id)
	}
	if b := balanceOf(t, w, w.Agent.ID); b.Available != 3702-2703 {
		t.Fatalf("a repeated key moved quota: %+v", b)
	}
	body["count"] = 1
	expectReason(t, w.Agent.C.Post(t, "/api/derp/serial-orders", body), http.StatusConflict, "IDEMPOTENCY_MISMATCH")
	w.Agent.C.Header.Del("Idempotency-Key")

	// The serials belong to the buyer and came from a purchase.
	var l v1.SerialListRes
	w.Agent.C.Get(t, "/api/derp/serials/list?batchId="+itoa(*o.BatchId)).Expect(t, http.StatusOK).Decode(t, &l)
	if l.Total != 3 || l.Items[0].Source != "purchase" || l.Items[0].OrderId == nil || *l.Items[0].OrderId != o.Id {
		t.Fatalf("purchased serials %+v", l)
	}
	var ol v1.SerialOrderListRes
	w.Boss.C.Get(t, "/api/derp/serial-orders/list").Expect(t, http.StatusOK).Decode(t, &ol)
	if ol.Total != 1 || ol.Items[0].Id != o.Id || len(ol.Items[0].Codes) != 0 {
		t.Fatalf("boss sees %+v", ol)
	}
}

// §14.10: an offline order waits for S; two concurrent approves issue one batch; reject and
// cancel are guarded; derp.order_expire cancels after 72 h.
func TestSerialOrderOffline(t *testing.T) {
	w := newWorld(t)
	plan := sellablePlan(t, w, 500, 30)
	tier(t, w, w.Agent.ID, "platinum")
	place := func() v1.OrderItem {
		var o v1.OrderItem
		w.Agent.C.Post(t, "/api/derp/serial-orders", map[string]any{"planId": plan, "count": 2, "payMethod": "offline"}).
			Expect(t, http.StatusOK).Decode(t, &o)
		return o
	}
	o := place()
	if o.Status != "pending_review" || o.Amount != 2*(500-75) || len(o.Codes) != 0 || o.BatchId != nil {
		t.Fatalf("offline order %+v", o)
	}
	w.Agent.C.Put(t, "/api/derp/serial-orders/"+itoa(o.Id)+"/approve", map[string]any{}).Expect(t, http.StatusForbidden)

	const racers = 4
	var wg sync.WaitGroup
	statuses := make([]int, racers)
	for i := 0; i < racers; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			r, err := w.Admin.C.DoErr("PUT", "/api/derp/serial-orders/"+itoa(o.Id)+"/approve", map[string]any{"amount": 800})
			if err == nil {
				statuses[i] = r.Status
			}
		}(i)
	}
	wg.Wait()
	okCount := 0
	for _, st := range statuses {
		switch st {
		case http.StatusOK:
			okCount++
		case http.StatusConflict:
		default:
			t.Fatalf("approve statuses %v", statuses)
		}
	}
	if okCount != 1 {
		t.Fatalf("%d approves won: %v", okCount, statuses)
	}
	if n := countRows(t, "derp_serial_batches", "order_id=?", o.Id); n != 1 {
		t.Fatalf("%d batches for one order", n)
	}
	if n := countRows(t, "derp_serials", "order_id=?", o.Id); n != 2 {
		t.Fatalf("%d serials for one order", n)
	}
	var done v1.SerialOrderListRes
	w.Admin.C.Get(t, "/api/derp/serial-orders/list?status=completed&distributorId="+itoa(w.Agent.ID)).
		Expect(t, http.StatusOK).Decode(t, &done)
	if done.Total != 1 || done.Items[0].Amount != 800 {
		t.Fatalf("approved %+v", done)
	}

	r := place()
	w.Admin.C.Put(t, "/api/derp/serial-orders/"+itoa(r.Id)+"/reject", map[string]any{"reason": "no transfer"}).Expect(t, http.StatusOK)
	expectReason(t, w.Agent.C.Put(t, "/api/derp/serial-orders/"+itoa(r.Id)+"/cancel", nil), http.StatusConflict, "DERP_INVALID_STATE")
	c := place()
	w.Boss.C.Put(t, "/api/derp/serial-orders/"+itoa(c.Id)+"/cancel", nil).Expect(t, http.StatusNotFound)
	w.Agent.C.Put(t, "/api/derp/serial-orders/"+itoa(c.Id)+"/cancel", nil).Expect(t, http.StatusOK)

	clk := testkit.SharedClock{}
	clk.Freeze(t, time.Now())
	t.Cleanup(func() { clk.Release(t) })
	e := place()
	clk.Advance(t, 71*time.Hour)
	w.Admin = login(t, w.Admin.SeededUser)
	w.Admin.C.RunJob(t, "derp.order_expire")
	var l v1.SerialOrderListRes
	w.Admin.C.Get(t, "/api/derp/serial-orders/list?status=pending_review&distributorId="+itoa(w.Agent.ID)).
		Expect(t, http.StatusOK).Decode(t, &l)
	if l.Total != 1 || l.Items[0].Id != e.Id {
		t.Fatalf("pending before 72 h %+v", l)
	}
	clk.Advance(t, 2*time.Hour)
	w.Admin = login(t, w.Admin.SeededUser)
	w.Admin.C.RunJob(t, "derp.order_expire")
	w.Admin.C.Get(t, "/api/derp/serial-orders/list?status=cancelled&distributorId="+itoa(w.Agent.ID)).
		Expect(t, http.StatusOK).Decode(t, &l)
	if l.Total != 2 {
		t.Fatalf("cancelled after 72 h %+v", l)
	}
}
