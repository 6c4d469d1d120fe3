package proxy_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"kami/internal/adapter/ipipv"
	"kami/internal/logic/proxy"
	"kami/internal/model"
	"kami/internal/service"
	"kami/internal/testkit"
)

func reservationOf(t *testing.T, o order) *model.QuotaReservation {
	t.Helper()
	r, err := service.Quota().ReservationByRef(context.Background(), "proxy_order:"+o.AppOrderNo)
	if err != nil || r == nil {
		t.Fatalf("reservation of %s: %v", o.AppOrderNo, err)
	}
	return r
}

// TestNoEarlyRelease: an order the upstream may still fulfil keeps its reserve. An
// acknowledged (processing) order that order/v2 answers "not found" for past 30 minutes is not
// failed; a refused send whose verify gets no answer goes unknown, not failed.
func TestNoEarlyRelease(t *testing.T) {
	w := newWorld(t)
	f := onSale(t, w)
	freeze(t)
	fund(t, w.Agent.ID, 100_000)

	t.Run("processing, not found at 31 min", func(t *testing.T) {
		var o order
		w.Agent.C.Post(t, "/api/proxy/orders/static", map[string]any{"productNo": "ST101", "count": 1, "cycleTimes": 1}).
			Expect(t, http.StatusOK).Decode(t, &o)
		if o.Status != "processing" {
			t.Fatalf("acknowledged: %+v", o)
		}
		f.FaultFor(ipipv.PathOrder, o.AppOrderNo, ipipv.Code(404, "order not found"))
		testkit.SharedClock{}.Advance(t, 31*time.Minute)
		w.Admin, w.Agent = login(t, w.Admin.SeededUser), login(t, w.Agent.SeededUser)
		w.Admin.C.RunJob(t, proxy.JobOrderReconcile)
		if got := getOrder(t, w.Agent, o.Id); got.Status != "processing" {
			t.Fatalf("an acknowledged order is never failed on a not-found: %+v", got)
		}
		if r := reservationOf(t, o); r.Status != model.ReservationOpen || r.Amount != 1200 {
			t.Fatalf("still reserved: %+v", r)
		}
		f.Advance()
		testkit.SharedClock{}.Advance(t, 2*time.Minute)
		w.Admin.C.RunJob(t, proxy.JobOrderReconcile)
		got := getOrder(t, w.Agent, o.Id)
		if got.Status != "success" || got.ChargedAmount != 1200 {
			t.Fatalf("the upstream's answer decides: %+v", got)
		}
		assertSettled(t, got)
	})
	t.Run("refused, verify unanswered", func(t *testing.T) {
		before := balanceOf(t, w.Agent.ID)
		f.Fault(ipipv.PathOpen, ipipv.Code(500, "busy"))
		for i := 0; i < 3; i++ { // every attempt of the read
			f.Fault(ipipv.PathOrder, ipipv.HTTP502())
		}
		var o order
		w.Agent.C.Post(t, "/api/proxy/orders/static", map[string]any{"productNo": "ST101", "count": 1, "cycleTimes": 1}).
			Expect(t, http.StatusOK).Decode(t, &o)
		if o.Status != "unknown" {
			t.Fatalf("a verify that proves nothing leaves the order unknown: %+v", o)
		}
		if b := balanceOf(t, w.Agent.ID); b.Frozen != before.Frozen+1200 {
			t.Fatalf("the reserve stays: %+v → %+v", before, b)
		}
		if r := reservationOf(t, o); r.Status != model.ReservationOpen {
			t.Fatalf("still reserved: %+v", r)
		}
		// One answered call ends this node's run of transport failures (the breaker counts
		// across tests).
		w.Admin.C.Post(t, "/api/proxy/settings/test", nil).Expect(t, http.StatusOK)
	})
}
