package payment_test

import (
	"net/http"
	"testing"
	"time"

	"kami/internal/logic/payment"
	"kami/internal/testkit"
)

// A lost notify: the query job finds the payment and credits it, once; a manual re-query of the
// paid order changes nothing.
func TestTopupQueryJobCreditsLostNotify(t *testing.T) {
	w := newWorld(t)
	f := withFake(t)
	clk := testkit.SharedClock{}
	clk.Freeze(t, time.Now())
	t.Cleanup(func() { clk.Release(t) })
	o := create(t, w.Agent1.C, 500)
	f.Pay(o.OutTradeNo, "Tq"+o.OutTradeNo, 500) // the notify never arrives
	w.Admin.C.RunJob(t, payment.QueryJob)
	if got := available(t, w.Agent1.ID); got != 0 {
		t.Fatalf("queried before payment.queryAfter: credited %d", got)
	}
	clk.Advance(t, 2*time.Minute)
	w.Admin.C.RunJob(t, payment.QueryJob)
	w.Admin.C.RunJob(t, payment.QueryJob)
	if got := available(t, w.Agent1.ID); got != 500 {
		t.Fatalf("available %d, want 500", got)
	}
	var q order
	w.Agent1.C.Post(t, "/api/payment/orders/"+itoa(o.ID)+"/query", nil).Expect(t, http.StatusOK).Decode(t, &q)
	if q.Status != "paid" || topupMovements(t, w.Agent1.ID) != 1 {
		t.Fatalf("after re-query: %+v, %d credits", q, topupMovements(t, w.Agent1.ID))
	}
}

// Manual re-query of a pending order the provider reports paid credits it.
func TestTopupManualQuery(t *testing.T) {
	w := newWorld(t)
	f := withFake(t)
	o := create(t, w.Agent2.C, 700)
	var q order
	w.Boss.C.Post(t, "/api/payment/orders/"+itoa(o.ID)+"/query", nil).Expect(t, http.StatusOK).Decode(t, &q)
	if q.Status != "pending" {
		t.Fatalf("unpaid order queried: %s", q.Status)
	}
	f.Pay(o.OutTradeNo, "Tm"+o.OutTradeNo, 700)
	w.Boss.C.Post(t, "/api/payment/orders/"+itoa(o.ID)+"/query", nil).Expect(t, http.StatusOK).Decode(t, &q)
	if q.Status != "paid" || available(t, w.Agent2.ID) != 700 {
		t.Fatalf("after payment: %s, available %d", q.Status, available(t, w.Agent2.ID))
	}
}

// An order unpaid past payment.orderTimeout is closed (at the provider too); a notify after
// that is a no-op.
func TestTopupTimeoutClose(t *testing.T) {
	w := newWorld(t)
	f := withFake(t)
	clk := testkit.SharedClock{}
	clk.Freeze(t, time.Now())
	t.Cleanup(func() { clk.Release(t) })
	testkit.SetSettings(t, map[string]any{"payment.orderTimeout": "1m"}) // within the login's lifetime
	o := create(t, w.Agent1.C, 300)
	w.Admin.C.RunJob(t, payment.CloseJob)
	if d := get(t, w.Agent1.C, o.ID); d.Status != "pending" {
		t.Fatalf("closed before the timeout: %s", d.Status)
	}
	clk.Advance(t, 2*time.Minute)
	w.Admin.C.RunJob(t, payment.CloseJob)
	if d := get(t, w.Agent1.C, o.ID); d.Status != "closed" || !f.Closed(o.OutTradeNo) {
		t.Fatalf("after the timeout: %s, closed at provider %v", d.Status, f.Closed(o.OutTradeNo))
	}
	notify(t, f.NotifyBody(o.OutTradeNo, "Tlate", 300)).Expect(t, http.StatusOK)
	if got := available(t, w.Agent1.ID); got != 0 {
		t.Fatalf("closed order credited %d", got)
	}
}

// A payment made just before the timeout is credited by the close job's last query, not lost.
func TestTopupCloseJobCreditsLastMinutePayment(t *testing.T) {
	w := newWorld(t)
	f := withFake(t)
	clk := testkit.SharedClock{}
	clk.Freeze(t, time.Now())
	t.Cleanup(func() { clk.Release(t) })
	testkit.SetSettings(t, map[string]any{"payment.orderTimeout": "1m"})
	o := create(t, w.Agent1.C, 300)
	f.Pay(o.OutTradeNo, "Tl"+o.OutTradeNo, 300)
	clk.Advance(t, 2*time.Minute)
	w.Admin.C.RunJob(t, payment.CloseJob)
	if d := get(t, w.Agent1.C, o.ID); d.Status != "paid" || available(t, w.Agent1.ID) != 300 {
		t.Fatalf("status %s, available %d", d.Status, available(t, w.Agent1.ID))
	}
}
