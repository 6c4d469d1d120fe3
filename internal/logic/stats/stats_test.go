package stats_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/gogf/gf/v2/os/gtime"
	"kami/internal/dao"
	"kami/internal/logic/stats"
	"kami/internal/model/do"
	"kami/internal/testkit"
)

// TestStatsAgreeWithRawTables drives a mix of operations over two days (batches by several
// users, activations, expiries, a card and a batch disabled, credits and batch charges), runs
// the refresh job and checks every role's reports against what the raw tables say for exactly
// the users in its scope; then a back-dated ledger entry lands in a frozen day and the next run
// counts it.
func TestStatsAgreeWithRawTables(t *testing.T) {
	d0 := noonDaysAgo(2)
	freezeAt(t, d0)
	w := newWorld(t)
	admin := w.Admin.C
	proj, plan := newProject(t, admin, 5)
	for _, u := range []member{w.Boss, w.Agent1, w.Agent2, w.Boss2, w.Other} {
		authorize(t, admin, proj, u.ID)
		fund(t, u.ID, 10_000)
	}
	b1 := batch(t, w.Agent1.C, proj, plan, 6)
	activate(t, b1, 3, d0, d0.Add(30*24*time.Hour))
	activate(t, b1, 1, d0.Add(-31*24*time.Hour), d0.Add(-time.Hour)) // validity ended this morning
	b2 := batch(t, w.Other.C, proj, plan, 4)
	activate(t, b2, 2, d0, d0.Add(30*24*time.Hour))
	batch(t, admin, proj, plan, 2)

	testkit.SharedClock{}.Advance(t, 24*time.Hour)
	d1 := d0.Add(24 * time.Hour)
	b3 := batch(t, w.Agent2.C, proj, plan, 5)
	ids := activate(t, b3, 2, d1, d1.Add(30*24*time.Hour))
	w.Agent2.C.Put(t, fmt.Sprintf("/api/cards/%d/status", ids[0]), map[string]any{"status": "disabled"}).Expect(t, http.StatusOK)
	w.Other.C.Post(t, fmt.Sprintf("/api/cards/batches/%d/disable", b2), nil).Expect(t, http.StatusOK)
	batch(t, w.Boss.C, proj, plan, 3)
	fund(t, w.Agent1.ID, 700)

	// The job through the API once (its own run request is an operation logged after the run,
	// so the comparisons below refresh through the service, which logs nothing).
	if run := admin.RunJob(t, stats.RefreshJob); run.Status != "success" || run.Items < 2 {
		t.Fatalf("refresh: %+v", run)
	}
	refresh(t)
	from, to := day(d0), day(d1)
	scopes := []struct {
		name  string
		who   member
		users []int64
	}{
		{"super-admin sees all", w.Admin, allUsers(t)},
		{"agent-admin sees its subtree", w.Boss, usersUnder(t, w.Boss.Path)},
		{"other agent-admin", w.Boss2, usersUnder(t, w.Boss2.Path)},
		{"agent sees its own", w.Agent1, []int64{w.Agent1.ID}},
		{"other agent", w.Other, []int64{w.Other.ID}},
	}
	check := func(t *testing.T, days ...string) {
		for _, sc := range scopes {
			t.Run(sc.name, func(t *testing.T) {
				var cards chart
				sc.who.C.Get(t, "/api/stats/cards?"+q(from, to)).Expect(t, http.StatusOK).Decode(t, &cards)
				var quota chart
				sc.who.C.Get(t, "/api/stats/quota?"+q(from, to)).Expect(t, http.StatusOK).Decode(t, &quota)
				var act chart
				sc.who.C.Get(t, "/api/stats/activity?"+q(from, to)).Expect(t, http.StatusOK).Decode(t, &act)
				var hm struct {
					Data [][3]int64 `json:"data"`
				}
				sc.who.C.Get(t, "/api/stats/activity/heatmap?"+q(from, to)).Expect(t, http.StatusOK).Decode(t, &hm)
				heat := int64(0)
				now := testkit.SharedClock{}.Now()
				for _, d := range days {
					want := cardsWant(t, sc.users, d, now)
					for i, m := range []string{"created", "activated", "expired", "disabled"} {
						if got := cards.at(m, d); got != want[i] {
							t.Errorf("%s %s: %d, the raw tables say %d", d, m, got, want[i])
						}
					}
					logins, ops := activityWant(t, sc.users, d)
					if act.at("logins", d) != logins || act.at("operations", d) != ops {
						t.Errorf("%s activity: %d logins, %d operations; the logs say %d, %d",
							d, act.at("logins", d), act.at("operations", d), logins, ops)
					}
					if ops > 0 && act.at("onlineMinutes", d) < 5 {
						t.Errorf("%s: %d operations but %d minutes online", d, ops, act.at("onlineMinutes", d))
					}
					heat += logins + ops
					wantQ := quotaWant(t, sc.users, d)
					for _, s := range quota.Series {
						if got := quota.at(s.Name, d); got != wantQ[s.Name] {
							t.Errorf("%s quota %s: %d, the ledger says %d", d, s.Name, got, wantQ[s.Name])
						}
						delete(wantQ, s.Name)
					}
					for k, v := range wantQ {
						if v != 0 {
							t.Errorf("%s quota %s: missing, the ledger says %d", d, k, v)
						}
					}
				}
				for _, c := range hm.Data {
					heat -= c[2]
				}
				if heat != 0 {
					t.Errorf("the heatmap's cells differ from the logs by %d", heat)
				}
			})
		}
	}
	check(t, from, to)

	// Sanity: the figures are not all zero, and the scopes differ.
	var mine chart
	w.Agent1.C.Get(t, "/api/stats/cards?"+q(from, to)).Expect(t, http.StatusOK).Decode(t, &mine)
	if mine.at("created", from) != 6 || mine.at("activated", from) != 3 || mine.at("expired", from) != 1 {
		t.Fatalf("agent1's first day: %+v", mine)
	}

	// Top agents in Boss's subtree: agent1 6 cards, agent2 5, Boss itself 3; spent is what left
	// their available balances (the batch charges).
	var top struct {
		Items []struct {
			UserID int64 `json:"userId"`
			Cards  int64 `json:"cards"`
			Spent  int64 `json:"spent"`
		} `json:"items"`
	}
	w.Boss.C.Get(t, "/api/stats/top-agents?"+q(from, to)).Expect(t, http.StatusOK).Decode(t, &top)
	if len(top.Items) != 3 || top.Items[0].UserID != w.Agent1.ID || top.Items[0].Cards != 6 || top.Items[0].Spent != 30 ||
		top.Items[1].UserID != w.Agent2.ID || top.Items[2].UserID != w.Boss.ID {
		t.Fatalf("top agents of the subtree: %+v", top.Items)
	}
	// By quota spent: Boss2's family spent 20 (Other's batch) and nothing else, Other first.
	w.Boss2.C.Get(t, "/api/stats/top-agents?by=spent&"+q(from, to)).Expect(t, http.StatusOK).Decode(t, &top)
	if len(top.Items) == 0 || top.Items[0].UserID != w.Other.ID || top.Items[0].Spent != 20 || top.Items[0].Cards != 4 {
		t.Fatalf("top agents by spent: %+v", top.Items)
	}

	// A ledger entry written now but stamped on d0 (a slow or back-dated insert): d0 is frozen
	// (the run at d1 noon started over two hours after it ended), and the entry's id above the
	// high-water mark reopens it.
	_, err := dao.QuotaEntries.Ctx(context.Background()).Data(do.QuotaEntries{MovementId: 0, UserId: w.Agent1.ID,
		Bucket: "available", Amount: 55, Type: "late_test", CreatedAt: gtime.NewFromTime(d0.UTC())}).Insert()
	if err != nil {
		t.Fatal(err)
	}
	refresh(t)
	var quota chart
	w.Agent1.C.Get(t, "/api/stats/quota?"+q(from, to)).Expect(t, http.StatusOK).Decode(t, &quota)
	if got := quota.at("late_test.in", from); got != 55 {
		t.Fatalf("the late entry on %s: %d, want 55", from, got)
	}
	check(t, from, to)
}

// TestStatsInput covers the period rules and a route the role may not call.
func TestStatsInput(t *testing.T) {
	w := newWorld(t)
	cases := []struct {
		name   string
		c      *testkit.Client
		path   string
		status int
		reason string
	}{
		{"from after to", w.Agent1.C, "/api/stats/cards?from=2026-02-02&to=2026-02-01", 400, "STATS_RANGE_INVALID"},
		{"over a year", w.Agent1.C, "/api/stats/cards?from=2024-01-01&to=2026-01-01", 400, "STATS_RANGE_INVALID"},
		{"not a date", w.Agent1.C, "/api/stats/quota?from=yesterday", 400, "INVALID_INPUT"},
		{"unknown granularity", w.Boss.C, "/api/stats/activity?granularity=hour", 400, "INVALID_INPUT"},
		{"unknown report", w.Boss.C, "/api/stats/export?report=users", 400, "INVALID_INPUT"},
		{"agent may not run the refresh job", w.Agent1.C, "", 403, ""},
		{"not logged in", testkit.Current().Client(), "/api/stats/cards", 401, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var r *testkit.Resp
			if tc.path == "" {
				r = tc.c.Post(t, "/api/system/job/"+stats.RefreshJob+"/run", nil)
			} else {
				r = tc.c.Get(t, tc.path)
			}
			if r.Status != tc.status || (tc.reason != "" && r.ErrorCode() != tc.reason) {
				t.Fatalf("HTTP %d %s, want %d %s: %s", r.Status, r.ErrorCode(), tc.status, tc.reason, r.Raw)
			}
		})
	}
	var act chart
	w.Boss.C.Get(t, "/api/stats/activity?granularity=month&from=2026-01-15&to=2026-03-01").Expect(t, http.StatusOK).Decode(t, &act)
	if len(act.Axis) != 3 || act.Axis[0] != "2026-01" || len(act.Series) != 3 {
		t.Fatalf("monthly activity axis: %+v", act)
	}
	var top struct {
		Items []any `json:"items"`
	}
	w.Boss.C.Get(t, "/api/stats/top-agents").Expect(t, http.StatusOK).Decode(t, &top)
}

// TestStatsWrongRole: a role whose statistics menu the super-admin took away gets 403 on every
// report, while the other roles keep theirs; restored afterwards.
func TestStatsWrongRole(t *testing.T) {
	w := newWorld(t)
	admin := w.Admin.C
	var held struct {
		MenuIds []int64 `json:"menuIds"`
	}
	admin.Get(t, "/api/system/role/agent/menus").Expect(t, http.StatusOK).Decode(t, &held)
	statsIDs, err := dao.Menus.Ctx(context.Background()).Fields("id").
		Wheref("name = ? OR auth_code LIKE ?", "DashboardStats", "Stats:%").Array()
	if err != nil || len(statsIDs) != 3 {
		t.Fatalf("stats menus: %v %v", statsIDs, err)
	}
	drop := map[int64]bool{}
	for _, v := range statsIDs {
		drop[v.Int64()] = true
	}
	var keep []int64
	for _, id := range held.MenuIds {
		if !drop[id] {
			keep = append(keep, id)
		}
	}
	admin.Put(t, "/api/system/role/agent/menus", map[string]any{"menuIds": keep}).Expect(t, http.StatusOK)
	t.Cleanup(func() { admin.Put(t, "/api/system/role/agent/menus", map[string]any{"menuIds": held.MenuIds}) })
	waitFor(t, func() bool { return w.Agent1.C.Get(t, "/api/stats/cards").Status == http.StatusForbidden })
	for _, p := range []string{"/api/stats/quota", "/api/stats/activity", "/api/stats/activity/heatmap",
		"/api/stats/top-agents", "/api/stats/export?report=cards"} {
		if r := w.Agent1.C.Get(t, p); r.Status != http.StatusForbidden {
			t.Errorf("%s: HTTP %d, want 403", p, r.Status)
		}
	}
	w.Boss.C.Get(t, "/api/stats/cards").Expect(t, http.StatusOK)
}
