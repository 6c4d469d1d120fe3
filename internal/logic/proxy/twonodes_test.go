package proxy_test

import (
	"bufio"
	"context"
	"encoding/json"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"kami/internal/dao"
	"kami/internal/logic/proxy"
	"kami/internal/model/entity"
	"kami/internal/testkit"
)

// until polls cond until it holds; the limit only keeps a broken build from hanging.
func until(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting until %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// metric sums the /metrics lines of a node that start with prefix and contain every part.
func metric(t *testing.T, base, prefix string, parts ...string) int {
	t.Helper()
	res, err := http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	total := 0
	sc := bufio.NewScanner(res.Body)
next:
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, prefix) {
			continue
		}
		for _, p := range parts {
			if !strings.Contains(line, p) {
				continue next
			}
		}
		f := strings.Fields(line)
		n, _ := strconv.ParseFloat(f[len(f)-1], 64)
		total += int(n)
	}
	return total
}

// TestTwoNodes: a second server process on the same database and Redis. One product_sync
// slot claimed by both nodes runs once; 10 duplicate callbacks split over both nodes make one
// transition and one commit.
func TestTwoNodes(t *testing.T) {
	env := testkit.Current()
	node := env.StartNode(t)
	clk := testkit.SharedClock{}
	// Half a second before the next half hour: one step of a second crosses one slot of
	// product_sync (0 */30 * * * *).
	// A slot of its own (a slot runs once ever: a repeated run of this test needs another).
	slot := time.Now().Truncate(30 * time.Minute).Add(time.Duration(1+rand.IntN(2000)) * 30 * time.Minute)
	clk.Freeze(t, slot.Add(-500*time.Millisecond))
	t.Cleanup(func() { clk.Release(t) })
	clk.RunSchedules(t)
	w := newWorld(t) // sessions of the frozen time
	f := onSale(t, w)
	// Only product_sync may run on the slot: the other upstream jobs stay off on both nodes.
	pauseJobs(t, w.Admin.C, proxy.JobUsageSync, proxy.JobFlowLogSync, proxy.JobInstanceSync, proxy.JobRegionSync,
		proxy.JobConsistency, proxy.JobAutoRenew, proxy.JobRenewRemind, proxy.JobStatsRollup, proxy.JobPurge)
	t.Cleanup(func() {
		// Unconfigured before the fake closes: a job falling due later calls nothing, so
		// no run of dial failures opens a node's breaker for the tests after this one.
		w.Admin.C.Put(t, "/api/proxy/settings", map[string]any{"appKey": ""}).Expect(t, http.StatusOK)
	})
	// The second node follows the settings within seconds: go on once it points at this fake.
	there := *w.Admin.C
	there.Base = node.BaseURL
	until(t, "the second node has the settings", func() bool {
		var v, here settingsView
		r, err := there.DoErr(http.MethodGet, "/api/proxy/settings", nil)
		w.Admin.C.Get(t, "/api/proxy/settings").Expect(t, http.StatusOK).Decode(t, &here)
		return err == nil && r.Status == http.StatusOK && json.Unmarshal(r.Data, &v) == nil &&
			v.BaseUrl == f.URL() && v.AppKey == fakeKey && v.CallbackPath == here.CallbackPath
	})

	t.Run("one product_sync per tick", func(t *testing.T) {
		ctx := context.Background()
		lastRun, err := dao.JobRuns.Ctx(ctx).Max("id")
		if err != nil {
			t.Fatal(err)
		}
		lastLog, err := dao.ProxySyncLog.Ctx(ctx).Max("id")
		if err != nil {
			t.Fatal(err)
		}
		w.Admin.C.Put(t, "/api/system/job/"+proxy.JobProductSync, map[string]any{"enabled": true}).Expect(t, http.StatusOK)
		gauge := `kami_job_scheduled{job="` + proxy.JobProductSync + `"}`
		until(t, "both nodes schedule product_sync", func() bool {
			return metric(t, env.BaseURL, gauge) == 1 && metric(t, node.BaseURL, gauge) == 1
		})
		slots := func(base string) int {
			return metric(t, base, "kami_job_slots_total{", `job="`+proxy.JobProductSync+`"`)
		}
		a0, b0 := slots(env.BaseURL), slots(node.BaseURL)
		clk.Advance(t, time.Second)
		until(t, "both nodes claimed the slot", func() bool {
			return slots(env.BaseURL) == a0+1 && slots(node.BaseURL) == b0+1
		})
		runs := func() int {
			n, err := dao.JobRuns.Ctx(ctx).Where("job", proxy.JobProductSync).Where("trigger_type", "schedule").
				WhereGT("id", int64(lastRun)).Count()
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		logs := func() int {
			n, err := dao.ProxySyncLog.Ctx(ctx).Where("job", proxy.JobProductSync).WhereGT("id", int64(lastLog)).Count()
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		until(t, "the run finished", func() bool { return logs() >= 1 })
		if r, l := runs(), logs(); r != 1 || l != 1 {
			t.Fatalf("one tick on two nodes: %d runs, %d sync logs", r, l)
		}
		w.Admin.C.Put(t, "/api/system/job/"+proxy.JobProductSync, map[string]any{"enabled": false}).Expect(t, http.StatusOK)
	})

	t.Run("10 duplicate callbacks over two nodes", func(t *testing.T) {
		fund(t, w.Agent.ID, 10_000)
		var o order
		w.Agent.C.Post(t, "/api/proxy/orders/static", map[string]any{"productNo": "ST101", "count": 1, "cycleTimes": 1}).
			Expect(t, http.StatusOK).Decode(t, &o)
		f.Advance()
		here := callbackURL(t, w, "", o.AppOrderNo)
		elsewhere := node.BaseURL + strings.TrimPrefix(here, env.BaseURL)
		before := balanceOf(t, w.Agent.ID)
		var wg sync.WaitGroup
		codes := make([]int, 10)
		for i := range codes {
			url := here
			if i%2 == 1 {
				url = elsewhere
			}
			wg.Add(1)
			go func() { defer wg.Done(); codes[i], _ = hit(t, url) }()
		}
		wg.Wait()
		for _, c := range codes {
			if c != 200 {
				t.Fatalf("codes %v", codes)
			}
		}
		until(t, "every duplicate processed", func() bool { return callbackRows(t, o.AppOrderNo, "done") == 10 })
		got := getOrder(t, w.Agent, o.Id)
		after := balanceOf(t, w.Agent.ID)
		if got.Status != "success" || before.Frozen-after.Frozen != 1200 || before.Available != after.Available {
			t.Fatalf("one commit of 1200: %+v, %+v → %+v", got, before, after)
		}
		assertSettled(t, got)
		var row entity.ProxyOrder
		if err := dao.ProxyOrder.Ctx(context.Background()).WherePri(o.Id).Scan(&row); err != nil {
			t.Fatal(err)
		}
		if row.Version != 2 { // submitting → processing → success
			t.Fatalf("one transition by the callbacks: version %d", row.Version)
		}
	})
}
