package payment_test

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"kami/internal/dao"
	"kami/internal/logic/payment"
	"kami/internal/model"
	"kami/internal/service"
	"kami/internal/testkit"
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

// The provider's refund runs after the ledger's commit: while the provider fails, the order
// stays refunding with the quota taken back (503 PAYMENT_REFUND_PENDING); repeating the refund
// asks the provider again under the same refund number and completes it, with one debit in all.
func TestTopupRefundProviderDown(t *testing.T) {
	w := newWorld(t)
	f := withFake(t)
	o := create(t, w.Agent1.C, 700)
	notify(t, f.Pay(o.OutTradeNo, "Td"+o.OutTradeNo, 700)).Expect(t, http.StatusOK)
	f.FailRefunds(errors.New("provider down"))
	refund := func() *testkit.Resp {
		return w.Admin.C.Post(t, "/api/payment/orders/"+itoa(o.ID)+"/refund", map[string]any{"reason": "asked"})
	}
	for i := 0; i < 2; i++ {
		if r := refund(); r.Status != http.StatusServiceUnavailable || r.ErrorCode() != "PAYMENT_REFUND_PENDING" {
			t.Fatalf("refund %d with the provider down: HTTP %d %s", i+1, r.Status, r.Raw)
		}
		if st := get(t, w.Agent1.C, o.ID).Status; st != "refunding" || available(t, w.Agent1.ID) != 0 || f.Refunds() != 0 {
			t.Fatalf("after a failed refund: %s, available %d, provider refunds %d", st, available(t, w.Agent1.ID), f.Refunds())
		}
	}
	f.FailRefunds(nil)
	var r order
	refund().Expect(t, http.StatusOK).Decode(t, &r)
	if r.Status != "refunded" || f.Refunds() != 1 || available(t, w.Agent1.ID) != 0 {
		t.Fatalf("after the provider is back: %s, provider refunds %d, available %d", r.Status, f.Refunds(), available(t, w.Agent1.ID))
	}
	n, err := dao.QuotaEntries.Ctx(context.Background()).Where("type", payment.QuotaTypeTopupRefund).
		Where("user_id", w.Agent1.ID).Count()
	if err != nil || n != 1 {
		t.Fatalf("refund debits: %d (%v), want 1", n, err)
	}
	if rr := refund(); rr.Status != http.StatusConflict || rr.ErrorCode() != "PAYMENT_NOT_REFUNDABLE" {
		t.Fatalf("refund of a refunded order: HTTP %d %s", rr.Status, rr.Raw)
	}
}
