package camel_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"kami/internal/dao"
	"kami/internal/logic/outbox"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/internal/testkit"
)

type callback struct {
	header http.Header
	body   []byte
}

// receiver is a merchant's notifyUrl on 127.0.0.1 recording every callback.
type receiver struct {
	srv *httptest.Server
	mu  sync.Mutex
	got []callback
	ch  chan struct{}
}

func newReceiver(t *testing.T) *receiver {
	rc := &receiver{ch: make(chan struct{}, 100)}
	rc.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		rc.mu.Lock()
		rc.got = append(rc.got, callback{header: r.Header.Clone(), body: b})
		rc.mu.Unlock()
		rc.ch <- struct{}{}
	}))
	t.Cleanup(rc.srv.Close)
	return rc
}

func (rc *receiver) wait(t *testing.T) callback {
	t.Helper()
	select {
	case <-rc.ch:
	case <-time.After(30 * time.Second):
		t.Fatal("no callback within 30 s")
	}
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return rc.got[len(rc.got)-1]
}

func orderRow(t *testing.T, orderNo string) entity.CamelOilOrder {
	t.Helper()
	var o entity.CamelOilOrder
	if err := dao.CamelOilOrder.Ctx(context.Background()).Where(dao.CamelOilOrder.Columns().OrderNo, orderNo).Scan(&o); err != nil {
		t.Fatal(err)
	}
	return o
}

// pollTwice runs the payment poll as two racing pollers would (two nodes in one tick).
func pollTwice(t *testing.T) {
	t.Helper()
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := service.Camel().PaymentPoll(context.Background()); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
}

// pollBothNodes runs the payment poll in this process and, at the same moment, as the job on
// the second node (through its API): two processes racing on the same due orders.
func pollBothNodes(t *testing.T, nodeAdmin *testkit.Client) {
	t.Helper()
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		if _, err := service.Camel().PaymentPoll(context.Background()); err != nil {
			t.Error(err)
		}
	}()
	go func() {
		defer wg.Done()
		if r := nodeAdmin.RunJob(t, "camel_oil.payment_poll"); r.Status != "success" {
			t.Errorf("the node's poll run: %+v", r)
		}
	}()
	wg.Wait()
}

func events(t *testing.T, ref string) int {
	t.Helper()
	n, err := dao.OutboxEvents.Ctx(context.Background()).Where(dao.OutboxEvents.Columns().Ref, ref).Count()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestPaymentPoll (§7.5): unpaid → paid gives one transition and exactly one signed callback
// even with the poll running on two nodes at once (and two pollers racing in one); an order expired unpaid and paid late becomes paid.
func TestPaymentPoll(t *testing.T) {
	p := newPool(t, 1000)
	accs := p.online(t, 1, 10)
	rc := newReceiver(t)
	// The receiver is on 127.0.0.1: with the global allowance off, the callback topic's own
	// allowance (AllowPrivateTargets) is what lets it through.
	testkit.SetSettings(t, map[string]any{"outbox.allowPrivateTargets": false})
	p.admin.Put(t, fmt.Sprintf("/api/camel-oil/merchants/%d", p.merchant.ID), map[string]any{"notifyUrl": rc.srv.URL + "/cb"}).
		Expect(t, http.StatusOK)
	node := testkit.Current().StartNode(t)
	// Frozen after the setup, so its cleanup (the first to run) releases the clock before the
	// settings are put back by an admin whose session must not have expired.
	clk := testkit.SharedClock{}
	clk.Freeze(t, time.Now())
	t.Cleanup(func() { clk.Release(t) })

	o := p.sign.post(t, "/orders", map[string]any{"merchantOrderNo": "pay-1", "amount": 1500, "attach": "a1"}).order(t)
	clk.Advance(t, 11*time.Second)
	pollTwice(t) // unpaid: nothing changes
	if r := orderRow(t, o.OrderNo); r.Status != "pending_pay" || r.NextCheckAt == nil {
		t.Fatalf("unpaid: %+v", r)
	}
	p.fake.Pay(orderRow(t, o.OrderNo).PlatformOrderNo)
	clk.Advance(t, 11*time.Second)
	nodeAdmin := *p.admin
	nodeAdmin.Base = node.BaseURL
	pollBothNodes(t, &nodeAdmin)
	if r := orderRow(t, o.OrderNo); r.Status != "paid" || r.PaidAt == nil {
		t.Fatalf("paid: %+v", r)
	}
	ref := fmt.Sprintf("%d/%s", p.merchant.ID, o.OrderNo)
	if n := events(t, ref); n != 1 {
		t.Fatalf("%d events for one payment", n)
	}
	cb := rc.wait(t)
	if cb.header.Get("X-Kami-Event") != "camel_oil.order.paid" || cb.header.Get("X-Kami-Delivery") == "" {
		t.Fatalf("headers %v", cb.header)
	}
	sig := cb.header.Get("X-Kami-Webhook-Signature")
	ts, _ := strconv.ParseInt(strings.TrimPrefix(strings.Split(sig, ",")[0], "t="), 10, 64)
	if sig != outbox.Signature(p.merchant.WebhookSecret, ts, cb.body) {
		t.Fatalf("signature %q does not verify with the merchant's webhookSecret", sig)
	}
	var body struct {
		ID   string `json:"id"`
		Type string `json:"type"`
		Data mOrder `json:"data"`
	}
	if err := json.Unmarshal(cb.body, &body); err != nil {
		t.Fatal(err)
	}
	if body.Type != "camel_oil.order.paid" || body.Data.OrderNo != o.OrderNo || body.Data.MerchantOrderNo != "pay-1" ||
		body.Data.Amount != 1500 || body.Data.Status != "paid" || body.Data.PaidAt == nil || body.Data.Attach != "a1" {
		t.Fatalf("callback body %s", cb.body)
	}
	var got struct {
		DailyPaidCount  int   `json:"dailyPaidCount"`
		TotalPaidAmount int64 `json:"totalPaidAmount"`
	}
	p.admin.Get(t, fmt.Sprintf("/api/camel-oil/accounts/%d", accs[0].ID)).Expect(t, http.StatusOK).Decode(t, &got)
	if got.DailyPaidCount != 1 || got.TotalPaidAmount != 1500 {
		t.Fatalf("account's paid counters %+v", got)
	}

	// Expired unpaid, then paid late: still paid.
	late := p.sign.post(t, "/orders", map[string]any{"merchantOrderNo": "pay-2", "amount": 1000}).order(t)
	clk.Advance(t, 33*time.Minute)
	pollTwice(t)
	if r := orderRow(t, late.OrderNo); r.Status != "expired" {
		t.Fatalf("past expireAt + 2 min: %+v", r)
	}
	p.fake.Pay(orderRow(t, late.OrderNo).PlatformOrderNo)
	clk.Advance(t, 11*time.Minute)
	pollTwice(t)
	if r := orderRow(t, late.OrderNo); r.Status != "paid" {
		t.Fatalf("late payment: %+v", r)
	}
	if n := events(t, fmt.Sprintf("%d/%s", p.merchant.ID, late.OrderNo)); n != 1 {
		t.Fatalf("%d events for the late payment", n)
	}
	rc.wait(t)
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if len(rc.got) != 2 {
		t.Fatalf("%d callbacks for two payments", len(rc.got))
	}
}
