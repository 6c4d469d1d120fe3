package derp_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/derp/v1"
	"kami/internal/dao"
	"kami/internal/logic/derp"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/testkit"
)

// §5 POST /rentals/{id}/deregister: S only; an unsettled account → 409 DERP_SETTLEMENT_PENDING
// and nothing moves, force skips the check; a rental whose containers are already gone ends
// deregistered at once, and a second call is 409 DERP_INVALID_STATE.
func TestDeregisterRoute(t *testing.T) {
	w := newWorld(t)
	onlyServers(t, 3)
	_, now := frozen(t)
	d := activateSerial(t, w, w.Member, 3)
	path := "/api/derp/rentals/" + itoa(d.Id) + "/deregister"
	for _, c := range []*testkit.Client{w.Boss.C, w.Agent.C, w.Member.C} {
		c.Post(t, path, map[string]any{"force": true}).Expect(t, http.StatusForbidden)
	}
	testClient().Post(t, path, nil).Expect(t, http.StatusUnauthorized)
	w.Admin.C.Post(t, "/api/derp/rentals/999999999/deregister", nil).Expect(t, http.StatusNotFound)

	order, err := dao.DerpOrders.Ctx(context.Background()).Data(do.DerpOrders{OrderNo: testkit.UniqueName("O"),
		Kind: "rental_renew", BuyerId: w.Member.ID, DistributorId: w.Agent.ID, PlanId: 3, PayMethod: "offline",
		Status: "pending_review", RentalId: d.Id, CreatedAt: gtime.NewFromTime(now)}).InsertAndGetId()
	if err != nil {
		t.Fatal(err)
	}
	expectReason(t, w.Admin.C.Post(t, path, nil), http.StatusConflict, "DERP_SETTLEMENT_PENDING")
	if r := lifeRentalRow(t, d.Id); r.State != "active" {
		t.Fatalf("refused deregistration moved the rental to %s", r.State)
	}
	var x v1.RentalDeregisterRes
	w.Admin.C.Post(t, path, map[string]any{"force": true}).Expect(t, http.StatusOK).Decode(t, &x)
	if x.State != "deregistering" {
		t.Fatalf("forced %+v", x.StaffRentalItem)
	}
	expectDesired(t, x, "removed")
	ops, err := dao.DerpHostOps.Ctx(context.Background()).Where("op", "converge").Where("state", "pending").
		WhereIn("container_id", []int64{x.Containers[0].Id, x.Containers[1].Id, x.Containers[2].Id}).Count()
	if err != nil || ops != 3 {
		t.Fatalf("%d removal ops queued (%v)", ops, err)
	}
	expectReason(t, w.Admin.C.Post(t, path, map[string]any{"force": true}), http.StatusConflict, "DERP_INVALID_STATE")

	// A second rental, settled, whose containers the host already removed: done at once.
	if _, err = dao.DerpOrders.Ctx(context.Background()).Data(do.DerpOrders{Status: "cancelled"}).WherePri(order).Update(); err != nil {
		t.Fatal(err)
	}
	e := activateSerial(t, w, w.Member, 3)
	if _, err = dao.DerpContainers.Ctx(context.Background()).Data(do.DerpContainers{State: "removed",
		RemovedAt: gtime.NewFromTime(now)}).Where("rental_id", e.Id).Update(); err != nil {
		t.Fatal(err)
	}
	w.Admin.C.Post(t, "/api/derp/rentals/"+itoa(e.Id)+"/deregister", nil).Expect(t, http.StatusOK).Decode(t, &x)
	if x.State != "deregistered" {
		t.Fatalf("settled, nothing left: %+v", x.StaffRentalItem)
	}
	expectKinds(t, e.Id, "deregistered")
}

// §6, §10 derp.acl_regen: an active rental past its version's 32 days gets exactly one new
// version (trigger auto_32d), the old one superseded; the customer is mailed only when the new
// body differs from the last one downloaded. An expired rental is left alone.
func TestAclRegen(t *testing.T) {
	w := newWorld(t)
	servers := onlyServers(t, 3)
	clk, _ := frozen(t)
	long := activateSerial(t, w, w.Member, 4)   // 180 d
	lapsed := activateSerial(t, w, w.Member, 3) // 30 d: expired by then
	ctx := context.Background()
	if _, err := dao.DerpAclDownloads.Ctx(ctx).Data(do.DerpAclDownloads{RentalId: long.Id, CustomerId: w.Member.ID,
		Version: 1, UserId: w.Member.ID, Result: "ok"}).Insert(); err != nil {
		t.Fatal(err)
	}
	clk.Advance(t, 32*day-time.Second)
	w = relogin(t, w)
	w.Admin.C.RunJob(t, "derp.expire")
	// (Other tests' rentals may be due by now: only this one's versions count.)
	w.Admin.C.RunJob(t, "derp.acl_regen")
	if n, _ := dao.DerpAclVersions.Ctx(ctx).Where("rental_id", long.Id).Count(); n != 1 {
		t.Fatalf("regenerated early: %d versions", n)
	}
	clk.Advance(t, time.Second)
	w.Admin.C.RunJob(t, "derp.acl_regen")
	w.Admin.C.RunJob(t, "derp.acl_regen")
	var vs []entity.DerpAclVersions
	if err := dao.DerpAclVersions.Ctx(ctx).Where("rental_id", long.Id).OrderAsc("version").Scan(&vs); err != nil {
		t.Fatal(err)
	}
	if len(vs) != 2 || vs[0].Status != "superseded" || vs[1].Status != "current" || vs[1].GenTrigger != "auto_32d" ||
		vs[1].Sha256 != vs[0].Sha256 || !vs[1].ValidUntil.Time.Equal(clk.Now().Truncate(time.Second).Add(32*day)) {
		t.Fatalf("versions %+v", vs)
	}
	if n, _ := dao.DerpAclVersions.Ctx(ctx).Where("rental_id", lapsed.Id).Count(); n != 1 {
		t.Fatalf("expired rental has %d versions", n)
	}
	// Same placement, same body: nobody is told.
	expectKinds(t, long.Id)

	// A server's pin changes the body: the next lapse mails acl_updated once.
	if _, err := dao.DerpServers.Ctx(ctx).Data(do.DerpServers{CertPin: "sha256-raw:11"}).WherePri(servers[0]).Update(); err != nil {
		t.Fatal(err)
	}
	clk.Advance(t, 32*day)
	w = relogin(t, w)
	w.Admin.C.RunJob(t, "derp.acl_regen")
	w.Admin.C.RunJob(t, "derp.acl_regen")
	if n, _ := dao.DerpAclVersions.Ctx(ctx).Where("rental_id", long.Id).Count(); n != 3 {
		t.Fatalf("%d versions after the second lapse", n)
	}
	expectKinds(t, long.Id, "acl_updated")
}

// §10 derp.prune: raw probes older than 14 days, samples older than 7 days and pending devices
// untouched for 30 days go; younger rows, the hourly rollups and approved devices stay.
func TestPrune(t *testing.T) {
	w := newWorld(t)
	_, now := frozen(t)
	ctx := context.Background()
	at := func(d time.Duration) *gtime.Time { return gtime.NewFromTime(now.Add(-d)) }
	sid := int64(900000 + now.Unix()%100000)
	for _, age := range []time.Duration{14*day + time.Second, 14*day - time.Second} {
		if _, err := dao.DerpProbes.Ctx(ctx).Data(do.DerpProbes{ServerId: sid, Kind: "stun", ProbedAt: at(age)}).Insert(); err != nil {
			t.Fatal(err)
		}
	}
	for i, age := range []time.Duration{7*day + time.Second, 7*day - time.Second} {
		if _, err := dao.DerpTrafficSamples.Ctx(ctx).Data(do.DerpTrafficSamples{ContainerId: sid, BucketTs: at(age),
			RxBytes: i}).Insert(); err != nil {
			t.Fatal(err)
		}
	}
	rid := sid
	devs := []struct {
		status string
		age    time.Duration
	}{{"pending", 30*day + time.Second}, {"pending", 30*day - time.Second}, {"approved", 40 * day}}
	for i, d := range devs {
		if _, err := dao.DerpDevices.Ctx(ctx).Unscoped().Data(do.DerpDevices{RentalId: rid, NodeKey: testkit.UniqueName("k") + itoa(int64(i)),
			Status: d.status, Source: "seen", CreatedAt: at(d.age), UpdatedAt: at(d.age)}).Insert(); err != nil {
			t.Fatal(err)
		}
	}
	if run := w.Admin.C.RunJob(t, "derp.prune"); run.Status != "success" || run.Items < 3 {
		t.Fatalf("prune %+v", run)
	}
	if n, _ := dao.DerpProbes.Ctx(ctx).Where("server_id", sid).Count(); n != 1 {
		t.Fatalf("%d probes left", n)
	}
	if n, _ := dao.DerpTrafficSamples.Ctx(ctx).Where("container_id", sid).Count(); n != 1 {
		t.Fatalf("%d samples left", n)
	}
	var left []entity.DerpDevices
	if err := dao.DerpDevices.Ctx(ctx).Where("rental_id", rid).OrderAsc("id").Scan(&left); err != nil || len(left) != 2 ||
		left[0].Status != "pending" || left[1].Status != "approved" {
		t.Fatalf("devices left %+v %v", left, err)
	}
}

// §12: a suspension tells the customer once per suspension; completed orders tell the buyer.
func TestSuspendAndOrderNotices(t *testing.T) {
	w := newWorld(t)
	onlyServers(t, 3)
	clk, _ := frozen(t)
	d := activateSerial(t, w, w.Member, 3)
	path := "/api/derp/rentals/" + itoa(d.Id)
	w.Admin.C.Post(t, path+"/suspend", map[string]any{"reason": "admin"}).Expect(t, http.StatusOK)
	w.Admin.C.Post(t, path+"/suspend", map[string]any{"reason": "admin"}).Expect(t, http.StatusConflict)
	expectKinds(t, d.Id, "suspended")
	w.Admin.C.Post(t, path+"/resume", nil).Expect(t, http.StatusOK)
	clk.Advance(t, time.Second)
	w.Admin.C.Post(t, path+"/suspend", map[string]any{"reason": "anomaly"}).Expect(t, http.StatusOK)
	expectKinds(t, d.Id, "suspended", "suspended")
	n, err := dao.DerpNotices.Ctx(context.Background()).Where("kind", "order_completed").Where("user_id", w.Member.ID).Count()
	if err != nil || n != 1 {
		t.Fatalf("%d order notices for the activation (%v)", n, err)
	}
}

// §14.13 for this part's routes: deregister is S only; the history list is the staff's.
func TestLifeAccessMatrix(t *testing.T) {
	w := newWorld(t)
	const ok, bad, unauth, forbid = http.StatusOK, http.StatusBadRequest, http.StatusUnauthorized, http.StatusForbidden
	cases := []struct {
		method, path string
		want         [5]int // S, AA, A, member, anon
	}{
		{"POST", "/api/derp/rentals/0/deregister", [5]int{bad, forbid, forbid, forbid, unauth}},
		{"GET", "/api/derp/rentals/history/list", [5]int{ok, ok, ok, forbid, unauth}},
	}
	for _, c := range cases {
		for i, who := range w.callers() {
			if r := who.C.Do(t, c.method, c.path, nil); r.Status != c.want[i] {
				t.Errorf("%s %s as %s = %d %s, want %d", c.method, c.path, who.Name, r.Status, r.Reason, c.want[i])
			}
		}
	}
}

// §12 admin notices: every super-admin gets the inbox copy, once per dedup key; an unknown kind
// is refused (a programming error of the caller, not a silent drop).
func TestAdminNotice(t *testing.T) {
	ctx := context.Background()
	key := testkit.UniqueName("server_down:")
	name := testkit.UniqueName("lab")
	for i, want := range []bool{true, false} {
		sent, err := derp.AdminNoticeForTest(ctx, "server_down", map[string]any{"server": name, "message": "3 failed probe rounds"}, key)
		if err != nil || sent != want {
			t.Fatalf("call %d: sent %v (%v), want %v", i, sent, err, want)
		}
	}
	var inbox struct {
		Items []struct {
			Title string `json:"title"`
		} `json:"items"`
	}
	testkit.Current().Admin(t).Get(t, "/api/notifications/list?pageSize=100").Expect(t, http.StatusOK).Decode(t, &inbox)
	n := 0
	for _, it := range inbox.Items {
		if it.Title == "DERP 服务器 "+name+" 已宕机" {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("%d server_down notices in the admin inbox", n)
	}
	if _, err := derp.AdminNoticeForTest(ctx, "no_such_kind", nil, key+"x"); err == nil {
		t.Fatal("an unknown kind was accepted")
	}
}
