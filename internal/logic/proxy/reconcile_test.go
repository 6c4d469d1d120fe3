package proxy_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"kami/internal/adapter/ipipv"
	"kami/internal/logic/proxy"
	"kami/internal/service"
	"kami/internal/testkit"
)

func freeze(t *testing.T) {
	t.Helper()
	testkit.SharedClock{}.Freeze(t, time.Now())
	t.Cleanup(func() { testkit.SharedClock{}.Release(t) })
}

func openSends(f *ipipv.Fake, appOrderNo string) (n int, reqIDs map[string]bool) {
	reqIDs = map[string]bool{}
	for _, c := range f.Calls() {
		if c.Path == ipipv.PathOpen && len(c.Params) > 0 && containsOrder(c.Params, appOrderNo) {
			n++
			reqIDs[c.ReqID] = true
		}
	}
	return n, reqIDs
}

func containsOrder(params []byte, appOrderNo string) bool {
	return appOrderNo != "" && strings.Contains(string(params), appOrderNo)
}

func getOrder(t *testing.T, m member, id int64) order {
	t.Helper()
	var o order
	m.C.Get(t, fmt.Sprintf("/api/proxy/orders/%d", id)).Expect(t, http.StatusOK).Decode(t, &o)
	return o
}

func TestReconcile(t *testing.T) {
	w := newWorld(t)
	f := onSale(t, w)
	freeze(t)
	fund(t, w.Agent.ID, 100_000)
	place := func(t *testing.T, fault ipipv.Fault, faults int) order {
		t.Helper()
		for i := 0; i < faults; i++ {
			f.Fault(ipipv.PathOpen, fault)
		}
		var o order
		w.Agent.C.Post(t, "/api/proxy/orders/static", map[string]any{"productNo": "ST101", "count": 1, "cycleTimes": 1}).
			Expect(t, http.StatusOK).Decode(t, &o)
		if o.Status != "unknown" {
			t.Fatalf("a send without an answer leaves the order unknown: %+v", o)
		}
		return o
	}
	tick := func(t *testing.T, d time.Duration) {
		t.Helper()
		testkit.SharedClock{}.Advance(t, d)
		if d > 10*time.Minute { // past the access token's life: log in again
			w.Admin, w.Agent = login(t, w.Admin.SeededUser), login(t, w.Agent.SeededUser)
		}
		if run := w.Admin.C.RunJob(t, proxy.JobOrderReconcile); run.Status != "success" {
			t.Fatalf("reconcile run %+v", run)
		}
	}

	t.Run("applyThenDrop", func(t *testing.T) {
		coin := f.Coin()
		o := place(t, ipipv.ApplyThenDrop(), 1)
		tick(t, time.Minute)
		if got := getOrder(t, w.Agent, o.Id); got.Status != "processing" {
			t.Fatalf("found upstream → processing: %+v", got)
		}
		f.Advance()
		tick(t, 2*time.Minute)
		got := getOrder(t, w.Agent, o.Id)
		if got.Status != "success" || got.ChargedAmount != 1200 {
			t.Fatalf("→ success: %+v", got)
		}
		assertSettled(t, got)
		if n, ids := openSends(f, o.AppOrderNo); n != 1 || len(ids) != 1 || len(f.OrdersFor(o.AppOrderNo)) != 1 || coin-f.Coin() != 1000 {
			t.Fatalf("one send, one upstream order, one coin drop: sends %d reqIds %d drop %d", n, len(ids), coin-f.Coin())
		}
	})
	t.Run("dropBeforeApply", func(t *testing.T) {
		o := place(t, ipipv.DropBeforeApply(), 1)
		tick(t, time.Minute)
		if got := getOrder(t, w.Agent, o.Id); got.Status != "processing" {
			t.Fatalf("re-sent → processing: %+v", got)
		}
		n, ids := openSends(f, o.AppOrderNo)
		if n != 2 || len(ids) != 1 || len(f.OrdersFor(o.AppOrderNo)) != 1 {
			t.Fatalf("re-sent once with the same reqId: sends %d, reqIds %d", n, len(ids))
		}
	})
	t.Run("never reached", func(t *testing.T) {
		before := balanceOf(t, w.Agent.ID)
		o := place(t, ipipv.DropBeforeApply(), 1)
		tick(t, 31*time.Minute)
		got := getOrder(t, w.Agent, o.Id)
		if got.Status != "failed" || got.ChargedAmount != 0 {
			t.Fatalf("30 min unseen → failed: %+v", got)
		}
		assertSettled(t, got)
		if after := balanceOf(t, w.Agent.ID); after != before {
			t.Fatalf("released: %+v → %+v", before, after)
		}
	})
	t.Run("hang", func(t *testing.T) {
		o := place(t, ipipv.ApplyThenDrop(), 1)
		f.Script(o.AppOrderNo, ipipv.Hang)
		f.Advance()
		tick(t, time.Minute)
		tick(t, 45*time.Minute)
		if got := getOrder(t, w.Agent, o.Id); got.Status != "processing" {
			t.Fatalf("Hang stays processing: %+v", got)
		}
		r, err := service.Quota().ReservationByRef(context.Background(), "proxy_order:"+o.AppOrderNo)
		if err != nil || r == nil || r.Status != "open" || r.Amount != 1200 {
			t.Fatalf("nothing released while the upstream says processing: %+v %v", r, err)
		}
	})
}
