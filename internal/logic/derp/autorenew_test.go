package derp_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	v1 "kami/api/derp/v1"
	"kami/internal/dao"
	"kami/internal/testkit"
)

// Seed 004 自动续费: a rental that opted in is renewed once from the balance in the day before
// it expires, exactly like a customer renewal (+days from the expiry, the list price debited);
// a short balance leaves it alone. Only the owner may switch it; staff → 403 DERP_NOT_CUSTOMER.
func TestAutoRenew(t *testing.T) {
	w := newWorld(t)
	onlyServers(t, 3)
	clk, now := frozen(t)
	plan := sellablePlan(t, w, 500, 5)
	d := activateSerial(t, w, w.Member, plan)
	recharge(t, w, w.Member.ID, 600)
	path := "/api/derp/me/rentals/" + itoa(d.Id) + "/auto-renew"
	expectReason(t, w.Agent.C.Put(t, path, map[string]any{"autoRenew": true}), http.StatusForbidden, "DERP_NOT_CUSTOMER")
	other := login(t, testkit.SeedUser(t, "member", w.Agent.SeededUser))
	other.C.Put(t, path, map[string]any{"autoRenew": true}).Expect(t, http.StatusNotFound)
	w.Member.C.Put(t, path, map[string]any{}).Expect(t, http.StatusBadRequest)
	var res v1.MeRentalAutoRenewRes
	w.Member.C.Put(t, path, map[string]any{"autoRenew": true}).Expect(t, http.StatusOK).Decode(t, &res)
	if !res.AutoRenew || res.Id != d.Id {
		t.Fatalf("switch %+v", res)
	}
	var got v1.RentalDetail
	if w.Member.C.Get(t, "/api/derp/me/rentals/"+itoa(d.Id)).Expect(t, http.StatusOK).Decode(t, &got); !got.AutoRenew {
		t.Fatalf("the rental detail does not show the switch: %+v", got)
	}

	// More than a day ahead: nothing; inside the last day: one renewal however often it runs.
	clk.Advance(t, 4*day-time.Second)
	w = relogin(t, w)
	if run := w.Admin.C.RunJob(t, "derp.auto_renew"); run.Items != 0 {
		t.Fatalf("renewed early %+v", run)
	}
	clk.Advance(t, 2*time.Second)
	w.Admin.C.RunJob(t, "derp.auto_renew")
	w.Admin.C.RunJob(t, "derp.auto_renew")
	r := staffRental(t, w, d.Id)
	expectAt(t, r.ExpiresAt, now.Add(10*day))
	if b := balanceOf(t, w, w.Member.ID); b.Available != 100 || b.Frozen != 0 {
		t.Fatalf("balance after the renewal %+v", b)
	}
	n, err := dao.DerpOrders.Ctx(context.Background()).Where("rental_id", d.Id).Where("kind", "rental_renew").
		Where("pay_method", "balance").Where("amount", 500).Count()
	if err != nil || n != 1 {
		t.Fatalf("%d renewal orders (%v)", n, err)
	}

	// The next term: 100 left, 500 due → untouched, and the job still succeeds.
	clk.Advance(t, 5*day)
	w = relogin(t, w)
	if run := w.Admin.C.RunJob(t, "derp.auto_renew"); run.Status != "success" || run.Items != 0 {
		t.Fatalf("short balance run %+v", run)
	}
	expectAt(t, staffRental(t, w, d.Id).ExpiresAt, now.Add(10*day))
	w.Member.C.Put(t, path, map[string]any{"autoRenew": false}).Expect(t, http.StatusOK).Decode(t, &res)
	if res.AutoRenew {
		t.Fatalf("switched off %+v", res)
	}
}
