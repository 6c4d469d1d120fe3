package payment_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"testing"

	"kami/internal/dao"
	"kami/internal/logic/payment"
	"kami/internal/testkit"
)

// Pay → notify credits once; the notify replayed 5 times is a no-op each time; the log has the
// steps.
func TestTopupNotifyCreditsOnce(t *testing.T) {
	w := newWorld(t)
	f := withFake(t)
	o := create(t, w.Agent1.C, 1000)
	if o.Status != "pending" || o.PayURL == "" || o.OutTradeNo == "" {
		t.Fatalf("created %+v", o)
	}
	body := f.Pay(o.OutTradeNo, "T"+o.OutTradeNo, 1000)
	for i := 0; i < 6; i++ {
		r := notify(t, body)
		if r.Status != http.StatusOK || string(r.Raw) != "success" {
			t.Fatalf("notify %d: HTTP %d %s", i, r.Status, r.Raw)
		}
	}
	if got := available(t, w.Agent1.ID); got != 1000 {
		t.Fatalf("available %d, want 1000", got)
	}
	if n := topupMovements(t, w.Agent1.ID); n != 1 {
		t.Fatalf("%d top-up entries, want 1", n)
	}
	d := get(t, w.Agent1.C, o.ID)
	if d.Status != "paid" || d.TradeNo != "T"+o.OutTradeNo {
		t.Fatalf("detail %+v", d)
	}
	steps := map[string]int{}
	for _, l := range d.Logs {
		steps[l.Step+"/"+l.Result]++
	}
	if steps["create/ok"] != 1 || steps["paid/ok"] != 1 || steps["notify/duplicate"] != 5 {
		t.Fatalf("log %v", steps)
	}
}

// Forged notifies are refused and credit nothing: a bad signature, another amount, an unknown
// order.
func TestTopupForgedNotifyRefused(t *testing.T) {
	w := newWorld(t)
	f := withFake(t)
	o := create(t, w.Agent1.C, 1000)
	good := f.NotifyBody(o.OutTradeNo, "T1", 1000)
	forged := []byte(fmt.Sprintf(`{"outTradeNo":%q,"tradeNo":"T1","amount":1000,"sign":"00"}`, o.OutTradeNo))
	cases := []struct {
		name string
		body []byte
	}{
		{"bad signature", forged},
		{"wrong amount", f.NotifyBody(o.OutTradeNo, "T1", 1)},
		{"unknown order", f.NotifyBody("K000unknown", "T1", 1000)},
		{"not json", []byte("a=b")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := notify(t, c.body)
			if r.Status != http.StatusBadRequest || r.ErrorCode() != "PAYMENT_NOTIFY_INVALID" {
				t.Fatalf("HTTP %d %s", r.Status, r.Raw)
			}
		})
	}
	if got := available(t, w.Agent1.ID); got != 0 {
		t.Fatalf("credited %d", got)
	}
	if d := get(t, w.Agent1.C, o.ID); d.Status != "pending" {
		t.Fatalf("status %s", d.Status)
	}
	refused := 0
	for _, l := range logsOf(t, o.OutTradeNo) {
		if l.Result == "refused" {
			refused++
		}
	}
	if refused != 1 { // the wrong amount names the order; the others are logged without one
		t.Fatalf("%d refusals logged on the order", refused)
	}
	// The signed mismatch is alerted on the order; the forgeries (bad signature, not JSON) once
	// for the channel within the hour.
	n, err := dao.Notices.Ctx(context.Background()).Where("kind", "payment.alert").Where("ref_type", "payment.order").
		Where("ref_id", o.ID).Count()
	if err != nil || n != 1 {
		t.Fatalf("%d alerts of the order (%v)", n, err)
	}
	n, err = dao.Notices.Ctx(context.Background()).Where("kind", "payment.alert").
		WhereLike("dedup_key", "payment.forged:alipay:%").Count()
	if err != nil || n < 1 {
		t.Fatalf("%d alerts of forged notifies (%v)", n, err)
	}
	// The genuine notify still credits after the refusals.
	notify(t, good).Expect(t, http.StatusOK)
	if got := available(t, w.Agent1.ID); got != 1000 {
		t.Fatalf("available %d after the genuine notify", got)
	}
}

// A signed report naming a trade number another order already holds is refused, not a 500.
func TestTopupTradeNumberOfAnotherOrder(t *testing.T) {
	w := newWorld(t)
	f := withFake(t)
	a, b := create(t, w.Agent1.C, 1000), create(t, w.Agent1.C, 1000)
	notify(t, f.NotifyBody(a.OutTradeNo, "Tsame"+a.OutTradeNo, 1000)).Expect(t, http.StatusOK)
	if r := notify(t, f.NotifyBody(b.OutTradeNo, "Tsame"+a.OutTradeNo, 1000)); r.Status != 400 ||
		r.ErrorCode() != "PAYMENT_NOTIFY_INVALID" {
		t.Fatalf("HTTP %d %s", r.Status, r.Raw)
	}
	if got := available(t, w.Agent1.ID); got != 1000 {
		t.Fatalf("available %d", got)
	}
}

// Bad input: amounts outside the limits, a disabled channel, the super-admin (no account).
func TestTopupCreateRules(t *testing.T) {
	w := newWorld(t)
	withFake(t)
	cases := []struct {
		name   string
		m      member
		body   map[string]any
		status int
		reason string
	}{
		{"below min", w.Agent1, map[string]any{"channel": "alipay", "amount": 99}, 400, "PAYMENT_AMOUNT_INVALID"},
		{"above max", w.Agent1, map[string]any{"channel": "alipay", "amount": 5_000_001}, 400, "PAYMENT_AMOUNT_INVALID"},
		{"channel off", w.Agent1, map[string]any{"channel": "wechat", "amount": 1000}, 400, "PAYMENT_CHANNEL_DISABLED"},
		{"bad channel", w.Agent1, map[string]any{"channel": "paypal", "amount": 1000}, 400, "INVALID_INPUT"},
		{"super-admin", w.Admin, map[string]any{"channel": "alipay", "amount": 1000}, 403, "FORBIDDEN"},
		{"agent-admin", w.Boss, map[string]any{"channel": "alipay", "amount": 1000}, 200, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := c.m.C.Post(t, "/api/payment/orders", c.body)
			if r.Status != c.status || r.ErrorCode() != c.reason {
				t.Fatalf("HTTP %d %s", r.Status, r.Raw)
			}
		})
	}
	var top struct {
		Channels  []string `json:"channels"`
		MinAmount int64    `json:"minAmount"`
	}
	w.Agent1.C.Get(t, "/api/payment/topup").Expect(t, http.StatusOK).Decode(t, &top)
	if len(top.Channels) != 1 || top.Channels[0] != "alipay" || top.MinAmount != 100 {
		t.Fatalf("topup %+v", top)
	}
}

// A provider that does not answer: 503, and the order is closed so nothing can pay it later.
func TestTopupProviderDown(t *testing.T) {
	w := newWorld(t)
	f := payment.NewFake("s")
	f.Fail = errors.New("gateway down")
	old := payment.SetProvider(payment.ChannelAlipay, f)
	t.Cleanup(func() { payment.SetProvider(payment.ChannelAlipay, old) })
	testkit.SetSettings(t, map[string]any{"payment.channels": []string{"alipay"}})
	r := w.Agent1.C.Post(t, "/api/payment/orders", map[string]any{"channel": "alipay", "amount": 1000})
	if r.Status != http.StatusServiceUnavailable || r.ErrorCode() != "PAYMENT_PROVIDER_FAILED" {
		t.Fatalf("HTTP %d %s", r.Status, r.Raw)
	}
	var page struct {
		Items []order `json:"items"`
	}
	w.Agent1.C.Get(t, "/api/payment/orders/list").Expect(t, http.StatusOK).Decode(t, &page)
	if len(page.Items) != 1 || page.Items[0].Status != "closed" {
		t.Fatalf("orders %+v", page.Items)
	}
}

// A retried create with the same Idempotency-Key answers the first order, not a second one.
func TestTopupCreateIdempotent(t *testing.T) {
	w := newWorld(t)
	withFake(t)
	c := w.Agent1.C
	c.Header.Set("Idempotency-Key", "topup-"+testkit.UniqueName("k"))
	defer c.Header.Del("Idempotency-Key")
	a, b := create(t, c, 1000), create(t, c, 1000)
	if a.ID != b.ID || a.OutTradeNo != b.OutTradeNo {
		t.Fatalf("two orders: %d, %d", a.ID, b.ID)
	}
}
