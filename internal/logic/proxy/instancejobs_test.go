package proxy_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"kami/internal/adapter/ipipv"
	"kami/internal/logic/proxy"
	"kami/internal/testkit"
)

// frozenFake is onSale with the shared clock frozen and the fake following it; the jobs this
// file runs are paused so only the test runs them.
func frozenFake(t *testing.T, w world) *ipipv.Fake {
	t.Helper()
	testkit.SharedClock{}.Freeze(t, time.Now())
	f := onSale(t, w)
	pauseJobs(t, w.Admin.C, proxy.JobInstanceSync, proxy.JobRenewRemind, proxy.JobAutoRenew)
	t.Cleanup(func() { testkit.SharedClock{}.Release(t) }) // before the cleanups above: sessions of now
	f.Now = testkit.SharedClock{}.Now
	return f
}

func expiryNotices(t *testing.T, c *testkit.Client) int {
	t.Helper()
	var l struct {
		Items []struct {
			Kind string `json:"kind"`
		} `json:"items"`
	}
	c.Get(t, "/api/notifications/list?pageSize=100").Expect(t, http.StatusOK).Decode(t, &l)
	n := 0
	for _, it := range l.Items {
		if it.Kind == "proxy.expiry" {
			n++
		}
	}
	return n
}

func TestInstanceSync(t *testing.T) {
	w := newWorld(t)
	f := frozenFake(t, w)
	fund(t, w.Agent.ID, 10_000)
	no := openedInstances(t, w, f, 1)[0]
	exp := testkit.SharedClock{}.Now().Add(10 * 24 * time.Hour).Truncate(time.Second)
	f.SetInstance(no, func(in *ipipv.Instance) { in.Status, in.UserExpired, in.Port = 6, exp.Unix(), 9999 })
	if run := w.Admin.C.RunJob(t, proxy.JobInstanceSync); run.Status != "success" || run.Items < 1 {
		t.Fatalf("run %+v", run)
	}
	var in instance
	w.Agent.C.Get(t, "/api/proxy/instances/"+no).Expect(t, http.StatusOK).Decode(t, &in)
	got, _ := time.Parse(time.RFC3339, *in.ExpiresAt)
	if in.Status != "stopped" || !got.Equal(exp) {
		t.Fatalf("after sync %+v (want expiry %v)", in, exp)
	}
	if run := w.Admin.C.RunJob(t, proxy.JobInstanceSync); run.Items != 0 {
		t.Fatalf("an unchanged upstream changes nothing: %+v", run)
	}
}

// renew_remind at 7/3/1 days, once per step; auto_renew a day before expiry, once per expiry,
// and one notice when the owner lacks quota.
func TestRenewRemindAndAutoRenew(t *testing.T) {
	w := newWorld(t)
	f := frozenFake(t, w)
	fund(t, w.Agent.ID, 1200)
	no := openedInstances(t, w, f, 1)[0] // 30 days, 1200 paid: nothing left for a renew
	clk := testkit.SharedClock{}

	clk.Advance(t, 26*24*time.Hour) // 4 days left: the 7-day step
	w.Agent = login(t, w.Agent.SeededUser)
	w.Admin = login(t, w.Admin.SeededUser)
	w.Admin.C.RunJob(t, proxy.JobRenewRemind)
	w.Admin.C.RunJob(t, proxy.JobRenewRemind)
	if n := expiryNotices(t, w.Agent.C); n != 1 {
		t.Fatalf("7-day step: %d notices", n)
	}
	clk.Advance(t, 2*24*time.Hour) // 2 days left: the 3-day step
	w.Agent = login(t, w.Agent.SeededUser)
	w.Admin = login(t, w.Admin.SeededUser)
	w.Admin.C.RunJob(t, proxy.JobRenewRemind)
	if n := expiryNotices(t, w.Agent.C); n != 2 {
		t.Fatalf("3-day step: %d notices", n)
	}

	// Auto-renew on, 12 h left, no quota: no renew, one notice however often it runs.
	w.Agent.C.Put(t, "/api/proxy/instances/"+no, map[string]any{"autoRenew": true}).Expect(t, http.StatusOK)
	clk.Advance(t, 36*time.Hour)
	w.Agent = login(t, w.Agent.SeededUser)
	w.Admin = login(t, w.Admin.SeededUser)
	renews := func() []order {
		t.Helper()
		var p orderPage
		w.Agent.C.Get(t, "/api/proxy/orders/list?kind=renew").Expect(t, http.StatusOK).Decode(t, &p)
		return p.Items
	}
	w.Admin.C.RunJob(t, proxy.JobAutoRenew)
	w.Admin.C.RunJob(t, proxy.JobAutoRenew)
	if len(renews()) != 0 || expiryNotices(t, w.Agent.C) != 3 {
		t.Fatalf("no quota: renews %v, notices %d", renews(), expiryNotices(t, w.Agent.C))
	}

	// Topped up: the next run renews one cycle, charged to the owner; a re-run adds nothing.
	fund(t, w.Agent.ID, 5000)
	if run := w.Admin.C.RunJob(t, proxy.JobAutoRenew); run.Items != 1 {
		t.Fatalf("run %+v", run)
	}
	w.Admin.C.RunJob(t, proxy.JobAutoRenew)
	got := renews()
	if len(got) != 1 || got[0].SaleAmount != 1200 {
		t.Fatalf("renews %+v", got)
	}
	f.Advance()
	var o order
	w.Agent.C.Post(t, fmt.Sprintf("/api/proxy/orders/%d/refresh", got[0].Id), nil).Expect(t, http.StatusOK).Decode(t, &o)
	if o.Status != "success" || o.ChargedAmount != 1200 {
		t.Fatalf("renew %+v", o)
	}
	assertSettled(t, o)
	if b := balanceOf(t, w.Agent.ID); b.Available != 5000-1200 || b.Frozen != 0 {
		t.Fatalf("balance %+v", b)
	}
	w.Admin.C.RunJob(t, proxy.JobAutoRenew) // the new expiry is 30 days away
	if len(renews()) != 1 {
		t.Fatal("one renew per expiry")
	}
}

// §4 a type=instance callback is a trigger: instance/v2 is re-read with Kami's own credentials
// and its status, expiry and endpoint are written; the query itself carries nothing, and an
// instance unknown here is logged ignored.
func TestInstanceCallback(t *testing.T) {
	w := newWorld(t)
	f := frozenFake(t, w)
	fund(t, w.Agent.ID, 10_000)
	no := openedInstances(t, w, f, 1)[0]
	f.SetInstance(no, func(in *ipipv.Instance) { in.Status, in.Port = 6, 9998 })
	url := strings.Replace(callbackURL(t, w, "", no), "type=order", "type=instance", 1)
	if code, body := hit(t, url); code != 200 || body != `{"code":"success","msg":"ok"}` {
		t.Fatalf("reply %d %s", code, body)
	}
	var in instance
	w.Agent.C.Get(t, "/api/proxy/instances/"+no).Expect(t, http.StatusOK).Decode(t, &in)
	if in.Status != "stopped" || callbackRows(t, no, "done") != 1 {
		t.Fatalf("after the callback %+v, %d done", in, callbackRows(t, no, "done"))
	}
	unknown := strings.Replace(callbackURL(t, w, "", "INST-NOPE"), "type=order", "type=instance", 1)
	if code, _ := hit(t, unknown); code != 200 || callbackRows(t, "INST-NOPE", "ignored") != 1 {
		t.Fatalf("unknown instance: %d", code)
	}
}
