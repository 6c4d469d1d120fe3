package derp_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	v1 "kami/api/derp/v1"
	"kami/internal/dao"
	"kami/internal/model/do"
	"kami/internal/testkit"
)

// frozen freezes the shared clock at a whole second for the test.
func frozen(t *testing.T) (testkit.SharedClock, time.Time) {
	t.Helper()
	clk := testkit.SharedClock{}
	now := time.Now().Truncate(time.Second)
	clk.Freeze(t, now)
	t.Cleanup(func() { clk.Release(t) })
	return clk, now
}

// relogin renews every session after the clock moved past the tokens' lifetime.
func relogin(t *testing.T, w world) world {
	t.Helper()
	return world{Admin: login(t, w.Admin.SeededUser), Boss: login(t, w.Boss.SeededUser), Agent: login(t, w.Agent.SeededUser),
		Member: login(t, w.Member.SeededUser)}
}

func expectAt(t *testing.T, got string, want time.Time) {
	t.Helper()
	at, err := time.Parse(time.RFC3339, got)
	if err != nil || !at.Equal(want) {
		t.Fatalf("expiresAt %s, want %s", got, want)
	}
}

func staffRental(t *testing.T, w world, id int64) v1.RentalGetRes {
	t.Helper()
	var d v1.RentalGetRes
	w.Admin.C.Get(t, "/api/derp/rentals/"+itoa(id)).Expect(t, http.StatusOK).Decode(t, &d)
	return d
}

func expectDesired(t *testing.T, d v1.RentalGetRes, want string) {
	t.Helper()
	if len(d.Containers) == 0 {
		t.Fatal("no containers")
	}
	for _, c := range d.Containers {
		if c.Desired != want {
			t.Fatalf("container %+v, want desired %s", c, want)
		}
	}
}

func setRentalState(t *testing.T, id int64, state, reason string) {
	t.Helper()
	if _, err := dao.DerpRentals.Ctx(context.Background()).WherePri(id).
		Data(map[string]any{"state": state, "suspend_reason": reason}).Update(); err != nil {
		t.Fatal(err)
	}
}

// §14.3 renewals by balance and serial, exact to the second: max(expiresAt, now) + days, the
// quota grows by the plan's traffic, the ledger and commission move like activation, a replayed
// key moves nothing; derp.expire expires the rental and stops its containers; renewing the
// expired rental restarts the same containers; a deregistered rental → 409.
func TestRenewAndExpire(t *testing.T) {
	w := newWorld(t)
	onlyServers(t, 3)
	clk, now := frozen(t)
	tier(t, w, w.Agent.ID, "platinum")
	var p v1.PlanItem
	w.Admin.C.Post(t, "/api/derp/plans", map[string]any{"name": testkit.UniqueName("p"), "days": 5, "price": 1000,
		"trafficBytes": 1 << 30, "status": "enabled"}).Expect(t, http.StatusOK).Decode(t, &p)
	recharge(t, w, w.Member.ID, 3000)
	agent0 := balanceOf(t, w, w.Agent.ID)
	w.Member.C.Header.Set("Idempotency-Key", testkit.UniqueName("k"))
	var d v1.RentalDetail
	w.Member.C.Post(t, "/api/derp/me/rentals/activate", map[string]any{"planId": p.Id}).Expect(t, http.StatusOK).Decode(t, &d)
	expectAt(t, d.ExpiresAt, now.Add(5*24*time.Hour))

	clk.Advance(t, 24*time.Hour+7*time.Second)
	w = relogin(t, w)
	key := testkit.UniqueName("k")
	w.Member.C.Header.Set("Idempotency-Key", key)
	body := map[string]any{"planId": p.Id, "payMethod": "balance"}
	var rn v1.MeRentalRenewRes
	w.Member.C.Post(t, "/api/derp/me/rentals/"+itoa(d.Id)+"/renew", body).Expect(t, http.StatusOK).Decode(t, &rn)
	expectAt(t, rn.Rental.ExpiresAt, now.Add(10*24*time.Hour))
	if rn.Order == nil || rn.Order.Kind != "rental_renew" || rn.Order.Amount != 1000 || rn.Order.PayMethod != "balance" ||
		rn.Rental.Traffic.QuotaBytes != 2<<30 || rn.Rental.State != "active" {
		t.Fatalf("renewal %+v %+v", rn.Order, rn.Rental)
	}
	// §4 item: activation made ACL version 1; the renewal supersedes it with version 2, valid 32 d.
	if d.Acl == nil || d.Acl.Version != 1 || rn.Rental.Acl == nil || rn.Rental.Acl.Version != 2 {
		t.Fatalf("acl %+v → %+v", d.Acl, rn.Rental.Acl)
	}
	expectAt(t, rn.Rental.Acl.ValidUntil, now.Add(24*time.Hour+7*time.Second+32*24*time.Hour))
	if n, err := dao.DerpAclVersions.Ctx(context.Background()).Where(do.DerpAclVersions{RentalId: d.Id,
		Status: "current"}).Count(); err != nil || n != 1 {
		t.Fatalf("current acl versions %d %v", n, err)
	}
	var again v1.MeRentalRenewRes
	w.Member.C.Post(t, "/api/derp/me/rentals/"+itoa(d.Id)+"/renew", body).Expect(t, http.StatusOK).Decode(t, &again)
	if again.Order.Id != rn.Order.Id {
		t.Fatalf("replay made order %d, first %d", again.Order.Id, rn.Order.Id)
	}
	if b := balanceOf(t, w, w.Member.ID); b.Available != 1000 || b.Frozen != 0 {
		t.Fatalf("customer balance %+v", b)
	}
	if a := balanceOf(t, w, w.Agent.ID); a.Available-agent0.Available != 2*150 {
		t.Fatalf("commission %d", a.Available-agent0.Available)
	}
	expectReason(t, w.Member.C.Post(t, "/api/derp/me/rentals/"+itoa(d.Id)+"/renew", map[string]any{"planId": 3,
		"payMethod": "balance"}), http.StatusConflict, "IDEMPOTENCY_MISMATCH")
	w.Member.C.Header.Del("Idempotency-Key")

	// One second before the expiry the job leaves it; at the expiry it expires and stops.
	clk.Advance(t, 9*24*time.Hour-7*time.Second-time.Second)
	w = relogin(t, w)
	w.Admin.C.RunJob(t, "derp.expire")
	if st := staffRental(t, w, d.Id); st.State != "active" {
		t.Fatalf("before expiry %s", st.State)
	}
	clk.Advance(t, time.Second)
	w.Admin.C.RunJob(t, "derp.expire")
	st := staffRental(t, w, d.Id)
	if st.State != "expired" {
		t.Fatalf("after expiry %s", st.State)
	}
	expectDesired(t, st, "stopped")

	// Renewing the expired rental counts from now and restarts the same containers.
	clk.Advance(t, 3*24*time.Hour)
	w = relogin(t, w)
	b := issue(t, w, 3, 2, nil)
	w.Member.C.Post(t, "/api/derp/me/rentals/"+itoa(d.Id)+"/renew", map[string]any{"serial": b.Codes[0]}).
		Expect(t, http.StatusOK).Decode(t, &rn)
	expectAt(t, rn.Rental.ExpiresAt, now.Add(13*24*time.Hour).Add(30*24*time.Hour))
	if rn.Order.PayMethod != "serial" || rn.Order.Amount != 0 || rn.Rental.State != "active" {
		t.Fatalf("serial renewal %+v %+v", rn.Order, rn.Rental)
	}
	after := staffRental(t, w, d.Id)
	expectDesired(t, after, "running")
	for i, c := range after.Containers {
		if c.Id != st.Containers[i].Id || c.Port != st.Containers[i].Port {
			t.Fatalf("container moved: %+v → %+v", st.Containers[i], c)
		}
	}
	if st := serialStatus(t, b.Codes[0]); st != "used" {
		t.Fatalf("serial %s", st)
	}
	expectReason(t, w.Member.C.Post(t, "/api/derp/me/rentals/"+itoa(d.Id)+"/renew", map[string]any{"serial": b.Codes[0]}),
		http.StatusConflict, "SERIAL_INVALID")

	other := login(t, testkit.SeedUser(t, "member", w.Agent.SeededUser))
	other.C.Post(t, "/api/derp/me/rentals/"+itoa(d.Id)+"/renew", map[string]any{"serial": b.Codes[1]}).
		Expect(t, http.StatusNotFound)
	setRentalState(t, d.Id, "deregistered", "")
	expectReason(t, w.Member.C.Post(t, "/api/derp/me/rentals/"+itoa(d.Id)+"/renew", map[string]any{"serial": b.Codes[1]}),
		http.StatusConflict, "DERP_INVALID_STATE")
	if st := serialStatus(t, b.Codes[1]); st != "unused" {
		t.Fatalf("serial after refused renewal %s", st)
	}
}

// §5 extend, suspend and resume: the exact instant, the guarded transitions (409
// DERP_INVALID_STATE), the containers' target, and a renewal lifting only a traffic suspension.
func TestExtendSuspendResume(t *testing.T) {
	w := newWorld(t)
	onlyServers(t, 3)
	_, now := frozen(t)
	b := issue(t, w, 3, 3, nil)
	var d v1.RentalDetail
	w.Member.C.Post(t, "/api/derp/me/rentals/activate", map[string]any{"serial": b.Codes[0]}).Expect(t, http.StatusOK).Decode(t, &d)
	path := "/api/derp/rentals/" + itoa(d.Id)

	at := now.Add(100*24*time.Hour + 17*time.Second)
	var x v1.RentalGetRes
	w.Admin.C.Post(t, path+"/extend", map[string]any{"expiresAt": at.Format(time.RFC3339)}).Expect(t, http.StatusOK).Decode(t, &x)
	expectAt(t, x.ExpiresAt, at)
	if last := x.Periods[len(x.Periods)-1]; len(x.Periods) != 2 || last.Kind != "extend" || last.OrderId == nil {
		t.Fatalf("periods %+v", x.Periods)
	}
	cnt, err := dao.DerpOrders.Ctx(context.Background()).Where(do.DerpOrders{RentalId: d.Id, Kind: "admin_extend",
		PayMethod: "none"}).Where("amount", 0).Count()
	if err != nil || cnt != 1 {
		t.Fatalf("admin_extend orders %d %v", cnt, err)
	}
	w.Admin.C.Post(t, path+"/extend", map[string]any{"expiresAt": now.Add(time.Hour).Format(time.RFC3339)}).
		Expect(t, http.StatusBadRequest)
	w.Admin.C.Post(t, path+"/extend", map[string]any{"expiresAt": now.Add(-time.Second).Format(time.RFC3339),
		"allowShorten": true}).Expect(t, http.StatusBadRequest)
	w.Admin.C.Post(t, path+"/extend", map[string]any{"expiresAt": now.Add(time.Hour).Format(time.RFC3339),
		"allowShorten": true}).Expect(t, http.StatusOK).Decode(t, &x)
	expectAt(t, x.ExpiresAt, now.Add(time.Hour))

	// Suspend and resume are S by default; AA, A and the member are refused.
	for _, c := range []*testkit.Client{w.Boss.C, w.Agent.C, w.Member.C} {
		c.Post(t, path+"/suspend", map[string]any{"reason": "admin"}).Expect(t, http.StatusForbidden)
	}
	w.Admin.C.Post(t, path+"/suspend", map[string]any{"reason": "admin"}).Expect(t, http.StatusOK).Decode(t, &x)
	if x.State != "suspended" || x.SuspendReason != "admin" {
		t.Fatalf("suspended %+v", x.StaffRentalItem)
	}
	expectDesired(t, x, "stopped")
	expectReason(t, w.Admin.C.Post(t, path+"/suspend", map[string]any{"reason": "admin"}), http.StatusConflict, "DERP_INVALID_STATE")
	// A renewal keeps an admin suspension.
	var rn v1.MeRentalRenewRes
	w.Member.C.Post(t, "/api/derp/me/rentals/"+itoa(d.Id)+"/renew", map[string]any{"serial": b.Codes[1]}).
		Expect(t, http.StatusOK).Decode(t, &rn)
	if rn.Rental.State != "suspended" {
		t.Fatalf("renewal lifted an admin suspension: %+v", rn.Rental)
	}
	w.Admin.C.Post(t, path+"/resume", nil).Expect(t, http.StatusOK).Decode(t, &x)
	if x.State != "active" || x.SuspendReason != "" {
		t.Fatalf("resumed %+v", x.StaffRentalItem)
	}
	expectDesired(t, x, "running")
	expectReason(t, w.Admin.C.Post(t, path+"/resume", nil), http.StatusConflict, "DERP_INVALID_STATE")

	// A renewal restores a traffic suspension; an extend reactivates any suspension.
	w.Admin.C.Post(t, path+"/suspend", map[string]any{"reason": "traffic"}).Expect(t, http.StatusOK)
	w.Member.C.Post(t, "/api/derp/me/rentals/"+itoa(d.Id)+"/renew", map[string]any{"serial": b.Codes[2]}).
		Expect(t, http.StatusOK).Decode(t, &rn)
	if rn.Rental.State != "active" || rn.Rental.SuspendReason != "" {
		t.Fatalf("traffic suspension kept: %+v", rn.Rental)
	}
	w.Admin.C.Post(t, path+"/suspend", map[string]any{"reason": "anomaly"}).Expect(t, http.StatusOK)
	w.Admin.C.Post(t, path+"/extend", map[string]any{"expiresAt": now.Add(200 * 24 * time.Hour).Format(time.RFC3339)}).
		Expect(t, http.StatusOK).Decode(t, &x)
	if x.State != "active" {
		t.Fatalf("extend kept %s", x.State)
	}
	expectDesired(t, x, "running")
	setRentalState(t, d.Id, "deregistered", "")
	expectReason(t, w.Admin.C.Post(t, path+"/extend", map[string]any{"expiresAt": now.Add(300 * 24 * time.Hour).Format(time.RFC3339)}),
		http.StatusConflict, "DERP_INVALID_STATE")
}
