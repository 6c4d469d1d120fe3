package proxy_test

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"
	"time"

	"kami/internal/testkit"
	"kami/internal/timefmt"
)

type orderPage struct {
	Items []order `json:"items"`
	Total int     `json:"total"`
}

// Orders list: each role sees exactly its scope, filters narrow it, and the cost/upstream
// fields reach the super-admin only.
func TestOrderList(t *testing.T) {
	w := newWorld(t)
	f := onSale(t, w)
	fund(t, w.Agent.ID, 10_000)
	fund(t, w.Boss.ID, 10_000)
	other := login(t, testkitSeedAgent(t))
	var mine, boss order
	w.Agent.C.Post(t, "/api/proxy/orders/static", map[string]any{"productNo": "ST101", "count": 1, "cycleTimes": 1}).
		Expect(t, http.StatusOK).Decode(t, &mine)
	w.Boss.C.Post(t, "/api/proxy/orders/static", map[string]any{"productNo": "ST101", "count": 2, "cycleTimes": 1}).
		Expect(t, http.StatusOK).Decode(t, &boss)
	f.Advance()
	w.Agent.C.Post(t, fmt.Sprintf("/api/proxy/orders/%d/refresh", mine.Id), nil).Expect(t, http.StatusOK)

	ids := func(c *testkit.Client, query string) map[int64]order {
		t.Helper()
		var p orderPage
		c.Get(t, "/api/proxy/orders/list?pageSize=100&"+query).Expect(t, http.StatusOK).Decode(t, &p)
		out := map[int64]order{}
		for _, o := range p.Items {
			out[o.Id] = o
		}
		if len(out) != len(p.Items) || p.Total < len(p.Items) {
			t.Fatalf("page %+v", p)
		}
		return out
	}
	cases := []struct {
		name      string
		c         *testkit.Client
		query     string
		mine, bos bool
	}{
		{"agent sees its own", w.Agent.C, "", true, false},
		{"agent-admin sees its subtree", w.Boss.C, "", true, true},
		{"super-admin sees all", w.Admin.C, "", true, true},
		{"another agent sees neither", other.C, "", false, false},
		{"status filter", w.Boss.C, "status=success", true, false},
		{"kind filter", w.Boss.C, "kind=dynamic", false, false},
		{"owner filter", w.Boss.C, fmt.Sprintf("agentId=%d", w.Boss.ID), false, true},
		{"product filter", w.Admin.C, "productNo=ST101", true, true},
		{"time filter", w.Boss.C, "to=" + url.QueryEscape("2000-01-01T00:00:00Z"), false, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := ids(tc.c, tc.query)
			if _, ok := got[mine.Id]; ok != tc.mine {
				t.Fatalf("agent's order visible=%v, want %v", ok, tc.mine)
			}
			if _, ok := got[boss.Id]; ok != tc.bos {
				t.Fatalf("agent-admin's order visible=%v, want %v", ok, tc.bos)
			}
			super := tc.c == w.Admin.C
			for _, o := range got {
				if (o.CostAmount != nil) != super {
					t.Fatalf("costAmount visible=%v for super=%v", o.CostAmount != nil, super)
				}
			}
		})
	}
	if o := ids(w.Agent.C, "")[mine.Id]; o.Status != "success" || len(o.Instances) != 1 || o.ChargedAmount != 1200 {
		t.Fatalf("list item %+v", o)
	}
	// The order view: cost and upstream fields reach the super-admin only.
	for _, m := range []member{w.Agent, w.Boss, w.Admin} {
		var raw map[string]any
		m.C.Get(t, fmt.Sprintf("/api/proxy/orders/%d", mine.Id)).Expect(t, http.StatusOK).Decode(t, &raw)
		for _, k := range []string{"costAmount", "upstreamOrderNo", "upstreamStatus"} {
			if _, ok := raw[k]; ok != (m.C == w.Admin.C) {
				t.Fatalf("%s visible=%v to user %d: %v", k, ok, m.ID, raw)
			}
		}
	}
	// Stats over today: the agent's one static order, charged, one instance; no cost below S.
	today := time.Now().In(timefmt.Zone()).Format(time.DateOnly)
	var st struct {
		Items []struct {
			Key           string `json:"key"`
			Orders        int    `json:"orders"`
			Success       int    `json:"success"`
			ChargedAmount int64  `json:"chargedAmount"`
			Instances     int    `json:"instances"`
			CostAmount    *int64 `json:"costAmount"`
		} `json:"items"`
	}
	w.Agent.C.Get(t, "/api/proxy/stats/orders?groupBy=kind&from="+today+"&to="+today).Expect(t, http.StatusOK).Decode(t, &st)
	if len(st.Items) != 1 || st.Items[0].Key != "static" || st.Items[0].Orders != 1 || st.Items[0].Success != 1 ||
		st.Items[0].ChargedAmount != 1200 || st.Items[0].Instances != 1 || st.Items[0].CostAmount != nil {
		t.Fatalf("agent's stats %+v", st)
	}
	w.Boss.C.Get(t, "/api/proxy/stats/orders?groupBy=agent&from="+today+"&to="+today).Expect(t, http.StatusOK).Decode(t, &st)
	if len(st.Items) != 2 {
		t.Fatalf("boss's stats by agent %+v", st)
	}
	w.Admin.C.Get(t, "/api/proxy/stats/orders?groupBy=day&from="+today+"&to="+today).Expect(t, http.StatusOK).Decode(t, &st)
	if len(st.Items) != 1 || st.Items[0].Key != today || st.Items[0].CostAmount == nil {
		t.Fatalf("super-admin's stats by day %+v", st)
	}
	w.Agent.C.Get(t, "/api/proxy/stats/orders?groupBy=day&from=2026-01-01&to=2026-06-01").Expect(t, http.StatusBadRequest)
	w.Agent.C.Get(t, "/api/proxy/stats/orders?groupBy=user&from="+today+"&to="+today).Expect(t, http.StatusBadRequest)
	w.Agent.C.Get(t, "/api/proxy/orders/list?from=yesterday").Expect(t, http.StatusBadRequest)
	w.Agent.C.Get(t, "/api/proxy/orders/list?kind=bogus").Expect(t, http.StatusBadRequest)
	w.Agent.C.Get(t, "/api/proxy/orders/list?sortBy=secret").Expect(t, http.StatusBadRequest)
	testkit.Current().Client().Get(t, "/api/proxy/orders/list").Expect(t, http.StatusUnauthorized)
}
