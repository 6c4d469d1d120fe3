package payment_test

import (
	"context"
	"net/http"
	"testing"

	"kami/internal/model"
	"kami/internal/service"
)

// The super-admin refunds an unspent top-up: the quota goes back through the ledger, the
// provider refunds; a second refund and a refund of a spent top-up are refused.
func TestTopupRefund(t *testing.T) {
	w := newWorld(t)
	f := withFake(t)
	o := create(t, w.Agent1.C, 1000)
	notify(t, f.Pay(o.OutTradeNo, "Tr"+o.OutTradeNo, 1000)).Expect(t, http.StatusOK)
	var r order
	w.Admin.C.Post(t, "/api/payment/orders/"+itoa(o.ID)+"/refund", map[string]any{"reason": "asked"}).
		Expect(t, http.StatusOK).Decode(t, &r)
	if r.Status != "refunded" || available(t, w.Agent1.ID) != 0 || f.Refunds() != 1 {
		t.Fatalf("after refund: %s, available %d, provider refunds %d", r.Status, available(t, w.Agent1.ID), f.Refunds())
	}
	if rr := w.Admin.C.Post(t, "/api/payment/orders/"+itoa(o.ID)+"/refund", nil); rr.Status != 409 ||
		rr.ErrorCode() != "PAYMENT_NOT_REFUNDABLE" {
		t.Fatalf("second refund: HTTP %d %s", rr.Status, rr.Raw)
	}

	spent := create(t, w.Agent1.C, 1000)
	notify(t, f.Pay(spent.OutTradeNo, "Ts"+spent.OutTradeNo, 1000)).Expect(t, http.StatusOK)
	if _, err := service.Quota().Debit(context.Background(), nil, model.QuotaMove{UserID: w.Agent1.ID, Amount: 10,
		Type: model.QuotaTypeCardBatch}); err != nil {
		t.Fatal(err)
	}
	if rr := w.Admin.C.Post(t, "/api/payment/orders/"+itoa(spent.ID)+"/refund", nil); rr.Status != 409 ||
		rr.ErrorCode() != "PAYMENT_NOT_REFUNDABLE" {
		t.Fatalf("refund of a spent top-up: HTTP %d %s", rr.Status, rr.Raw)
	}
	if available(t, w.Agent1.ID) != 990 || get(t, w.Agent1.C, spent.ID).Status != "paid" {
		t.Fatalf("a refused refund changed something: available %d", available(t, w.Agent1.ID))
	}

	pending := create(t, w.Agent1.C, 1000)
	if rr := w.Admin.C.Post(t, "/api/payment/orders/"+itoa(pending.ID)+"/refund", nil); rr.Status != 409 {
		t.Fatalf("refund of a pending order: HTTP %d %s", rr.Status, rr.Raw)
	}
}
