package camel_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"kami/internal/dao"
	"kami/internal/logic/outbox"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/internal/testkit"
)

// flakyReceiver is a merchant's notifyUrl that answers 500 to the first `fails` requests and
// 200 afterwards, recording every request and what it answered.
type flakyReceiver struct {
	srv   *httptest.Server
	fails int
	mu    sync.Mutex
	got   []callback
	codes []int
}

func newFlakyReceiver(t *testing.T, fails int) *flakyReceiver {
	rc := &flakyReceiver{fails: fails}
	rc.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		rc.mu.Lock()
		code := http.StatusOK
		if len(rc.got) < rc.fails {
			code = http.StatusInternalServerError
		}
		rc.got = append(rc.got, callback{header: r.Header.Clone(), body: b})
		rc.codes = append(rc.codes, code)
		rc.mu.Unlock()
		w.WriteHeader(code)
	}))
	t.Cleanup(rc.srv.Close)
	return rc
}

func (rc *flakyReceiver) count() int { rc.mu.Lock(); defer rc.mu.Unlock(); return len(rc.got) }

// waitFor polls cond until it holds or 30 s pass: the outbox workers act on their own.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func outboxEvent(t *testing.T, ref string) entity.OutboxEvents {
	t.Helper()
	var e entity.OutboxEvents
	if err := dao.OutboxEvents.Ctx(context.Background()).Where(dao.OutboxEvents.Columns().Ref, ref).Scan(&e); err != nil {
		t.Fatal(err)
	}
	return e
}

// TestCallbackRetriedAcrossRestarts (§7.5): a merchant whose receiver fails 3 times and then
// succeeds gets the paid callback delivered exactly once, while the delivering process changes
// twice: this process's outbox worker is stopped, a second node makes attempts 1 and 2 and is
// stopped, a third node makes attempts 3 and 4. Every attempt carries the same delivery id and
// body, signed with the merchant's webhookSecret; after the 2xx the event is delivered and the
// admin API shows notifyStatus delivered with 4 attempts.
func TestCallbackRetriedAcrossRestarts(t *testing.T) {
	p := newPool(t, 1000)
	p.online(t, 1, 10)
	rc := newFlakyReceiver(t, 3)
	testkit.SetSettings(t, map[string]any{"outbox.allowPrivateTargets": false})
	p.admin.Put(t, fmt.Sprintf("/api/camel-oil/merchants/%d", p.merchant.ID), map[string]any{"notifyUrl": rc.srv.URL + "/cb"}).
		Expect(t, http.StatusOK)
	// Only the nodes deliver; this process's worker is back when the test ends.
	service.Outbox().Stop()
	t.Cleanup(func() {
		if err := service.Outbox().Start(context.Background()); err != nil {
			t.Error(err)
		}
	})
	clk := testkit.SharedClock{}
	clk.Freeze(t, time.Now())
	t.Cleanup(func() { clk.Release(t) })

	o := p.sign.post(t, "/orders", map[string]any{"merchantOrderNo": "cb-1", "amount": 2500, "attach": "k=v"}).order(t)
	p.fake.Pay(orderRow(t, o.OrderNo).PlatformOrderNo)
	clk.Advance(t, 11*time.Second)
	pollTwice(t)
	ref := fmt.Sprintf("%d/%s", p.merchant.ID, o.OrderNo)
	if n := events(t, ref); n != 1 {
		t.Fatalf("%d events for one payment", n)
	}

	// attempt waits for the n-th request and for the node to have recorded its answer, then
	// moves the shared clock to the next attempt's due time.
	attempt := func(n int) entity.OutboxEvents {
		t.Helper()
		waitFor(t, fmt.Sprintf("request %d", n), func() bool { return rc.count() >= n })
		var e entity.OutboxEvents
		waitFor(t, fmt.Sprintf("attempt %d recorded", n), func() bool {
			e = outboxEvent(t, ref)
			return e.Attempts == n && e.LeaseOwner == ""
		})
		if e.Status == outbox.StatusPending {
			clk.Advance(t, e.NextAttemptAt.Time.Sub(clk.Now())+time.Second)
		}
		return e
	}

	first := testkit.Current().StartNode(t)
	for n := 1; n <= 2; n++ {
		if e := attempt(n); e.Status != outbox.StatusPending {
			t.Fatalf("after failure %d: %+v", n, e)
		}
	}
	first.Signal(t, syscall.SIGTERM)
	if err := first.WaitExit(t, 30*time.Second); err != nil {
		t.Fatalf("the first node did not stop cleanly: %v", err)
	}
	testkit.Current().StartNode(t) // the restart: it picks the event up where the first left it
	if e := attempt(3); e.Status != outbox.StatusPending {
		t.Fatalf("after failure 3: %+v", e)
	}
	if e := attempt(4); e.Status != outbox.StatusDelivered {
		t.Fatalf("after the 4th attempt: %+v", e)
	}

	rc.mu.Lock()
	got, codes := append([]callback(nil), rc.got...), append([]int(nil), rc.codes...)
	rc.mu.Unlock()
	if len(got) != 4 || codes[3] != http.StatusOK || codes[2] != http.StatusInternalServerError {
		t.Fatalf("%d requests answered %v", len(got), codes)
	}
	delivery := got[0].header.Get("X-Kami-Delivery")
	for i, cb := range got {
		if cb.header.Get("X-Kami-Delivery") != delivery || cb.header.Get("X-Kami-Event") != "camel_oil.order.paid" ||
			cb.header.Get("X-Kami-Delivery-Attempt") != strconv.Itoa(i+1) || string(cb.body) != string(got[0].body) {
			t.Fatalf("request %d: %v %s", i+1, cb.header, cb.body)
		}
		sig := cb.header.Get("X-Kami-Webhook-Signature")
		ts, _ := strconv.ParseInt(strings.TrimPrefix(strings.Split(sig, ",")[0], "t="), 10, 64)
		if sig != outbox.Signature(p.merchant.WebhookSecret, ts, cb.body) {
			t.Fatalf("request %d: signature %q does not verify with the merchant's webhookSecret", i+1, sig)
		}
	}
	if !strings.Contains(string(got[0].body), `"orderNo":"`+o.OrderNo+`"`) || !strings.Contains(string(got[0].body), `"attach":"k=v"`) {
		t.Fatalf("body %s", got[0].body)
	}
	var log []entity.OutboxDeliveries
	dc := dao.OutboxDeliveries.Columns()
	if err := dao.OutboxDeliveries.Ctx(context.Background()).Where(dc.EventId, delivery).OrderAsc(dc.Attempt).
		Scan(&log); err != nil {
		t.Fatal(err)
	}
	ok := 0
	for _, d := range log {
		if d.Status == outbox.AttemptSuccess {
			ok++
		}
	}
	if len(log) != 4 || ok != 1 || log[3].Status != outbox.AttemptSuccess {
		t.Fatalf("delivery log: %d attempts, %d successful", len(log), ok)
	}
	// The attempts really were made by the two nodes in turn, none by this process.
	self := testkit.Config().NodeID
	if log[0].Node != log[1].Node || log[2].Node != log[3].Node || log[1].Node == log[2].Node ||
		log[0].Node == self || log[2].Node == self {
		t.Fatalf("attempts by nodes %s %s %s %s (this process %s)", log[0].Node, log[1].Node, log[2].Node, log[3].Node, self)
	}
	clk.Release(t) // the admin's session was issued on the real clock, hours behind the frozen one
	var list struct {
		Items []struct {
			NotifyStatus string `json:"notifyStatus"`
			NotifyCount  int    `json:"notifyCount"`
		} `json:"items"`
	}
	p.admin.Get(t, "/api/camel-oil/orders/list?orderNo="+o.OrderNo).Expect(t, http.StatusOK).Decode(t, &list)
	if len(list.Items) != 1 || list.Items[0].NotifyStatus != "delivered" || list.Items[0].NotifyCount != 4 {
		t.Fatalf("order view %+v", list.Items)
	}
}
