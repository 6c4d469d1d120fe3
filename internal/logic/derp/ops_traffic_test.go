package derp_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/derp/v1"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/model/do"
	"kami/internal/testkit"
	"kami/internal/timefmt"
)

func sumTx(items []v1.TrafficPoint) int64 {
	var n int64
	for _, p := range items {
		n += p.TxBytes
	}
	return n
}

// §14.9 traffic: one readout per server; the delta survives a counter reset; a second run in
// the same bucket counts nothing; a server over its month quota goes over_quota (containers
// stopped, an alert) and back on its billing day; a rental over its quota is suspended; the
// member's series equals what was booked.
func TestTrafficDeltasAndQuotas(t *testing.T) {
	w := newWorld(t)
	isolate(t)
	hostSettings(t)
	clk, now := frozen(t)
	a := addHost(t, w, "sha")
	wk := opsWorker(t, a)
	drain(t, wk)
	d := activate(t, w)
	drain(t, wk)
	cid := containersOf(t, d.Id)[0].Id
	ctx := context.Background()
	// A quota, and a term past the month boundary this test moves to.
	if _, err := dao.DerpRentals.Ctx(ctx).Data(do.DerpRentals{TrafficQuotaBytes: 10000,
		ExpiresAt: gtime.NewFromTime(now.Add(90 * 24 * time.Hour))}).WherePri(d.Id).Update(); err != nil {
		t.Fatal(err)
	}
	a.fake.SetCounters(cid, 1000, 5000)
	a.fake.SetHostCounters(50, 100)
	w.Admin.C.RunJob(t, "derp.traffic")
	c := containerRow(t, cid)
	if c.TxTotal != 5000 || c.RxTotal != 1000 || rentalRow(t, d.Id).TrafficUsedBytes != 5000 || serverRow(t, a.srv.Id).MonthUsedBytes != 0 {
		t.Fatalf("first round: %+v, used %d, month %d", c, rentalRow(t, d.Id).TrafficUsedBytes, serverRow(t, a.srv.Id).MonthUsedBytes)
	}
	// The same bucket again: nothing counted twice; the next bucket carries the difference.
	a.fake.SetCounters(cid, 1500, 6000)
	w.Admin.C.RunJob(t, "derp.traffic")
	if c := containerRow(t, cid); c.TxTotal != 5000 {
		t.Fatalf("same bucket counted again: %d", c.TxTotal)
	}
	clk.Advance(t, 5*time.Minute)
	w.Admin.C.RunJob(t, "derp.traffic")
	if c := containerRow(t, cid); c.TxTotal != 6000 || c.RxTotal != 1500 {
		t.Fatalf("next bucket: %+v", c)
	}
	// A restart zeroes the counters: the delta is the new counter, not negative.
	a.fake.Restart(cid)
	a.fake.SetCounters(cid, 0, 700)
	clk.Advance(t, 5*time.Minute)
	w.Admin.C.RunJob(t, "derp.traffic")
	if c := containerRow(t, cid); c.TxTotal != 6700 || rentalRow(t, d.Id).TrafficUsedBytes != 6700 {
		t.Fatalf("after a restart: %d, used %d", c.TxTotal, rentalRow(t, d.Id).TrafficUsedBytes)
	}

	w = relogin(t, w) // the clock moved past the access tokens' lifetime
	// The series: the member's own (hour and day), S's per container; others are refused.
	for _, step := range []string{"hour", "day"} {
		var tr v1.MeRentalTrafficRes
		w.Member.C.Get(t, fmt.Sprintf("/api/derp/me/rentals/%d/traffic?step=%s", d.Id, step)).Expect(t, http.StatusOK).Decode(t, &tr)
		if sumTx(tr.Items) != 6700 || len(tr.Items) == 0 {
			t.Fatalf("%s series %+v", step, tr.Items)
		}
	}
	var ct v1.ContainerTrafficRes
	w.Admin.C.Get(t, fmt.Sprintf("/api/derp/containers/%d/traffic", cid)).Expect(t, http.StatusOK).Decode(t, &ct)
	if sumTx(ct.Items) != 6700 || ct.Items[0].PeakBps <= 0 {
		t.Fatalf("container series %+v", ct.Items)
	}
	other := login(t, testkit.SeedUser(t, consts.RoleMember, w.Agent.SeededUser))
	expectReason(t, other.C.Get(t, fmt.Sprintf("/api/derp/me/rentals/%d/traffic", d.Id)), http.StatusNotFound, "NOT_FOUND")
	expectReason(t, w.Agent.C.Get(t, fmt.Sprintf("/api/derp/me/rentals/%d/traffic", d.Id)), http.StatusForbidden, "DERP_NOT_CUSTOMER")
	w.Agent.C.Get(t, fmt.Sprintf("/api/derp/containers/%d/traffic", cid)).Expect(t, http.StatusForbidden)

	// The server's month: quota 1000 bytes of host egress.
	w.Admin.C.Put(t, fmt.Sprintf("/api/derp/servers/%d", a.srv.Id), map[string]any{"monthlyQuotaBytes": 1000, "billingDay": 1}).
		Expect(t, http.StatusOK)
	a.fake.SetHostCounters(50, 100+1500)
	clk.Advance(t, 5*time.Minute)
	w.Admin.C.RunJob(t, "derp.traffic")
	s := serverRow(t, a.srv.Id)
	if s.State != "over_quota" || s.MonthUsedBytes != 1500 || containerRow(t, cid).Desired != "stopped" {
		t.Fatalf("over quota: state %s, month %d, desired %s", s.State, s.MonthUsedBytes, containerRow(t, cid).Desired)
	}
	if al := alertsOf(t, w, "server_over_quota", a.srv.Id); len(al) != 1 {
		t.Fatalf("alerts %+v", al)
	}
	drain(t, wk)
	if st, _, _ := a.fake.ContainerState(cid); st != "exited" {
		t.Fatalf("over quota, the fake container is %s", st)
	}
	// The same month: the reset does nothing; on the 1st it starts a new month.
	if r := w.Admin.C.RunJob(t, "derp.month_reset"); r.Status != "success" || serverRow(t, a.srv.Id).State != "over_quota" {
		t.Fatalf("early reset: %+v, %s", r, serverRow(t, a.srv.Id).State)
	}
	l := now.In(timefmt.Zone())
	first := time.Date(l.Year(), l.Month()+1, 1, 0, 5, 0, 0, l.Location())
	clk.Advance(t, first.Sub(clk.Now()))
	w = relogin(t, w)
	w.Admin.C.RunJob(t, "derp.month_reset")
	s = serverRow(t, a.srv.Id)
	if s.State != "active" || s.MonthUsedBytes != 0 || containerRow(t, cid).Desired != "running" {
		t.Fatalf("after the reset: %s, month %d, desired %s", s.State, s.MonthUsedBytes, containerRow(t, cid).Desired)
	}
	if r := w.Admin.C.RunJob(t, "derp.month_reset"); r.Items != 0 {
		t.Fatalf("a second reset started %d months", r.Items)
	}
	drain(t, wk)

	// The rental's quota: 6700 + 4000 ≥ 10000 → suspended (traffic), containers stopped.
	a.fake.SetCounters(cid, 0, 4000)
	clk.Advance(t, 5*time.Minute)
	w.Admin.C.RunJob(t, "derp.traffic")
	r := rentalRow(t, d.Id)
	if r.State != "suspended" || r.SuspendReason != "traffic" || r.TrafficUsedBytes != 10700 || containerRow(t, cid).Desired != "stopped" {
		t.Fatalf("over the rental quota: %s/%s used %d desired %s", r.State, r.SuspendReason, r.TrafficUsedBytes, containerRow(t, cid).Desired)
	}
	// The owner hears of both: the 80 % mark (crossed by this delta) once, and the suspension.
	if got := strings.Join(noticeKinds(t, d.Id), ","); !strings.Contains(got, "suspended") || strings.Count(got, "traffic_80") != 1 {
		t.Fatalf("rental notices %s", got)
	}
}
