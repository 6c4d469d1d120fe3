package proxy_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"
	"time"

	"kami/internal/adapter/ipipv"
	"kami/internal/dao"
	"kami/internal/logic/proxy"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/testkit"
	"kami/internal/timefmt"
)

// lastRunCounts is the counts of the newest run of a proxy job (its sync log row).
func lastRunCounts(t *testing.T, w world, job string) map[string]any {
	t.Helper()
	var l struct {
		Items []struct {
			Status string `json:"status"`
			Counts string `json:"counts"`
		} `json:"items"`
	}
	w.Admin.C.Get(t, "/api/proxy/sync-logs/list?pageSize=1&job="+job).Expect(t, http.StatusOK).Decode(t, &l)
	if len(l.Items) != 1 || l.Items[0].Status != "ok" {
		t.Fatalf("%s run log %+v", job, l)
	}
	out := map[string]any{}
	if err := json.Unmarshal([]byte(l.Items[0].Counts), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

type statsRow struct {
	Key           string `json:"key"`
	Orders        int    `json:"orders"`
	Success       int    `json:"success"`
	SaleAmount    int64  `json:"saleAmount"`
	ChargedAmount int64  `json:"chargedAmount"`
	Instances     int    `json:"instances"`
	CostAmount    *int64 `json:"costAmount"`
}

func agentStats(t *testing.T, m member, from, to string) []statsRow {
	t.Helper()
	var st struct {
		Items []statsRow `json:"items"`
	}
	m.C.Get(t, "/api/proxy/stats/orders?groupBy=kind&from="+from+"&to="+to).Expect(t, http.StatusOK).Decode(t, &st)
	return st.Items
}

// TestStatsRollup: closed days are totalled into proxy_stats_daily, which the usage page then
// reads; a rerun writes nothing; an order settled days later rewrites its day.
func TestStatsRollup(t *testing.T) {
	w := newWorld(t)
	// Two days back, so the days written are closed for the tests after this one too.
	start := time.Now().Add(-48 * time.Hour)
	testkit.SharedClock{}.Freeze(t, start)
	t.Cleanup(func() { testkit.SharedClock{}.Release(t) })
	relogin := func() {
		w.Admin, w.Boss, w.Agent = login(t, w.Admin.SeededUser), login(t, w.Boss.SeededUser), login(t, w.Agent.SeededUser)
	}
	relogin()
	f := onSale(t, w)
	pauseJobs(t, w.Admin.C, proxy.JobStatsRollup, proxy.JobConsistency, proxy.JobInstanceSync, proxy.JobAutoRenew)
	f.Now = testkit.SharedClock{}.Now
	t.Cleanup(func() {
		// The release jumps the clock two days: every job falls due at once. Unconfigured,
		// they call nothing, so no run of dial failures to the closed fake opens this node's
		// breaker for the tests after this one.
		w.Admin.C.Put(t, "/api/proxy/settings", map[string]any{"appKey": ""}).Expect(t, http.StatusOK)
		// Back to the start before the cleanups above re-enable the jobs with sessions of then.
		testkit.SharedClock{}.Freeze(t, start)
	})
	fund(t, w.Agent.ID, 100_000)
	place := func(count int) order {
		var o order
		w.Agent.C.Post(t, "/api/proxy/orders/static", map[string]any{"productNo": "ST101", "count": count, "cycleTimes": 1}).
			Expect(t, http.StatusOK).Decode(t, &o)
		return o
	}
	refresh := func(o order) {
		w.Agent.C.Post(t, fmt.Sprintf("/api/proxy/orders/%d/refresh", o.Id), nil).Expect(t, http.StatusOK)
	}
	done, hung := place(2), place(1)
	f.Script(hung.AppOrderNo, ipipv.Hang)
	f.Advance()
	refresh(done)
	refresh(hung)
	day := start.In(timefmt.Zone()).Format(time.DateOnly)
	want := statsRow{Key: "static", Orders: 2, Success: 1, SaleAmount: 3600, ChargedAmount: 2400, Instances: 2}
	if got := agentStats(t, w.Agent, day, day); len(got) != 1 || got[0] != want {
		t.Fatalf("counted live: %+v", got)
	}

	testkit.SharedClock{}.Advance(t, 24*time.Hour)
	relogin()
	w.Admin.C.RunJob(t, proxy.JobStatsRollup)
	if c := lastRunCounts(t, w, proxy.JobStatsRollup); c["through"] != day || c["written"].(float64) < 1 {
		t.Fatalf("first run %+v", c)
	}
	ctx := context.Background()
	sc := dao.ProxyStatsDaily.Columns()
	row := func() entity.ProxyStatsDaily {
		t.Helper()
		var r []entity.ProxyStatsDaily
		if err := dao.ProxyStatsDaily.Ctx(ctx).Where(sc.Day, day).Where(sc.AgentId, w.Agent.ID).Scan(&r); err != nil || len(r) != 1 {
			t.Fatalf("rows of %s: %+v %v", day, r, err)
		}
		return r[0]
	}
	if r := row(); r.ProductNo != "ST101" || r.Kind != "static" || r.Orders != 2 || r.Success != 1 ||
		r.SaleAmount != 3600 || r.ChargedAmount != 2400 || r.CostAmount != 2000 || r.Instances != 2 {
		t.Fatalf("rolled up %+v", r)
	}
	// The page reads the rolled-up row for a closed day: a changed row shows.
	if _, err := dao.ProxyStatsDaily.Ctx(ctx).WherePri(row().Id).Data(do.ProxyStatsDaily{Orders: 99}).Update(); err != nil {
		t.Fatal(err)
	}
	if got := agentStats(t, w.Agent, day, day); len(got) != 1 || got[0].Orders != 99 {
		t.Fatalf("read from proxy_stats_daily: %+v", got)
	}
	if _, err := dao.ProxyStatsDaily.Ctx(ctx).WherePri(row().Id).Data(do.ProxyStatsDaily{Orders: 2}).Update(); err != nil {
		t.Fatal(err)
	}
	w.Admin.C.RunJob(t, proxy.JobStatsRollup)
	if c := lastRunCounts(t, w, proxy.JobStatsRollup); c["written"].(float64) != 0 || c["deleted"].(float64) != 0 {
		t.Fatalf("an unchanged rerun writes nothing: %+v", c)
	}

	// The hung order succeeds a day later: its own day is written again.
	testkit.SharedClock{}.Advance(t, time.Minute)
	f.Script(hung.AppOrderNo, ipipv.Success)
	f.Advance()
	refresh(hung)
	w.Admin.C.RunJob(t, proxy.JobStatsRollup)
	if c := lastRunCounts(t, w, proxy.JobStatsRollup); c["written"].(float64) < 1 {
		t.Fatalf("the changed day is written: %+v", c)
	}
	want = statsRow{Key: "static", Orders: 2, Success: 2, SaleAmount: 3600, ChargedAmount: 3600, Instances: 3}
	if got := agentStats(t, w.Agent, day, day); len(got) != 1 || got[0] != want {
		t.Fatalf("after the late success: %+v", got)
	}
	if r := row(); r.Success != 2 || r.Instances != 3 || r.CostAmount != 3000 {
		t.Fatalf("rolled up again %+v", r)
	}
	// A range over a rolled-up day and today's live one: the super-admin sees cost, by day.
	today := testkit.SharedClock{}.Now().In(timefmt.Zone()).Format(time.DateOnly)
	var st struct {
		Items []statsRow `json:"items"`
	}
	w.Admin.C.Get(t, "/api/proxy/stats/orders?groupBy=day&from="+day+"&to="+today).Expect(t, http.StatusOK).Decode(t, &st)
	found := false
	for _, it := range st.Items {
		if it.Key == day {
			found = it.CostAmount != nil && *it.CostAmount >= 3000
		}
	}
	if !found {
		t.Fatalf("super-admin by day %+v", st)
	}
}
