package logs_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"testing"
	"time"

	"github.com/gogf/gf/v2/os/gctx"

	"kami/api/common"
	v1 "kami/api/system/v1"
	"kami/internal/consts"
	"kami/internal/service"
	"kami/internal/testkit"
)

type opPage struct {
	Items []v1.OperationLogItem `json:"items"`
	Total int                   `json:"total"`
}

type loginPage struct {
	Items []v1.LoginLogItem `json:"items"`
	Total int               `json:"total"`
}

func page() common.PageReq { return common.PageReq{Page: 1, PageSize: 100} }

func ids[T any](items []T, id func(T) int64) []int64 {
	out := make([]int64, 0, len(items))
	for _, it := range items {
		out = append(out, id(it))
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// Each role sees exactly its scope: the super-admin everything, an agent-admin itself and its
// agents, an agent itself. Checked at the service, since RBAC decides separately who may call.
func TestScopeByRole(t *testing.T) {
	tr := newTree(t)
	module := testkit.UniqueName("m")
	now := time.Now()
	op, login := map[int64]int64{}, map[int64]int64{}
	for _, u := range tr.all() {
		op[u.ID] = addOp(t, u, module, "POST", 200, now)
		login[u.ID] = addLogin(t, u.ID, u.Username+module, 1, now)
	}
	// A failed login for a name that matches no user has user id 0: only the super-admin sees it.
	unknown := addLogin(t, 0, "ghost"+module, 0, now)

	tests := []struct {
		name   string
		caller testkit.SeededUser
		sees   []testkit.SeededUser
		ghost  bool
	}{
		{"super-admin", tr.root, tr.all(), true},
		{"agent-admin A", tr.adminA, []testkit.SeededUser{tr.adminA, tr.agentA}, false},
		{"agent-admin B", tr.adminB, []testkit.SeededUser{tr.adminB}, false},
		{"agent of A", tr.agentA, []testkit.SeededUser{tr.agentA}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx := tc.caller.Ctx(gctx.New())
			var wantOp, wantLogin []int64
			for _, u := range tc.sees {
				wantOp = append(wantOp, op[u.ID])
				wantLogin = append(wantLogin, login[u.ID])
			}
			if tc.ghost {
				wantLogin = append(wantLogin, unknown)
			}
			sort.Slice(wantOp, func(i, j int) bool { return wantOp[i] < wantOp[j] })
			sort.Slice(wantLogin, func(i, j int) bool { return wantLogin[i] < wantLogin[j] })

			ops, err := service.Logs().OperationList(ctx, &v1.OperationLogListReq{PageReq: page(),
				OperationLogFilter: v1.OperationLogFilter{Module: module}})
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(ops.Items, func(i v1.OperationLogItem) int64 { return i.ID }); fmt.Sprint(got) != fmt.Sprint(wantOp) || ops.Total != len(wantOp) {
				t.Errorf("operation rows %v (total %d), want %v", got, ops.Total, wantOp)
			}
			logins, err := service.Logs().LoginList(ctx, &v1.LoginLogListReq{PageReq: page(),
				LoginLogFilter: v1.LoginLogFilter{Username: module}})
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(logins.Items, func(i v1.LoginLogItem) int64 { return i.ID }); fmt.Sprint(got) != fmt.Sprint(wantLogin) || logins.Total != len(wantLogin) {
				t.Errorf("login rows %v (total %d), want %v", got, logins.Total, wantLogin)
			}
		})
	}
	t.Run("no caller sees nothing", func(t *testing.T) {
		ops, err := service.Logs().OperationList(context.Background(), &v1.OperationLogListReq{PageReq: page(),
			OperationLogFilter: v1.OperationLogFilter{Module: module}})
		if err != nil || ops.Total != 0 {
			t.Errorf("total %v err %v, want 0 rows", ops, err)
		}
	})
}

// The super-admin's filters over HTTP: each narrows the same seeded set as expected.
func TestOperationLogFilters(t *testing.T) {
	tr := newTree(t)
	admin := testkit.Current().Admin(t)
	module := testkit.UniqueName("m")
	base := time.Now().Add(-2 * time.Hour).Truncate(time.Second)
	addOp(t, tr.adminA, module, "POST", 200, base)
	addOp(t, tr.adminA, module, "PUT", 403, base.Add(10*time.Minute))
	addOp(t, tr.agentA, module, "DELETE", 200, base.Add(20*time.Minute))
	addOp(t, tr.adminB, module, "POST", 500, base.Add(30*time.Minute))
	rfc := func(t time.Time) string { return t.In(time.FixedZone("X", 8*3600)).Format(time.RFC3339) }

	tests := []struct {
		name  string
		query url.Values
		total int
	}{
		{"module only", url.Values{}, 4},
		{"user id", url.Values{"userId": {fmt.Sprint(tr.adminA.ID)}}, 2},
		{"username contains", url.Values{"username": {tr.agentA.Username[2:]}}, 1},
		{"method", url.Values{"method": {"post"}}, 2},
		{"status", url.Values{"status": {"403"}}, 1},
		{"result ok", url.Values{"result": {"1"}}, 2},
		{"result failed", url.Values{"result": {"0"}}, 2},
		{"from (inclusive)", url.Values{"from": {rfc(base.Add(10 * time.Minute))}}, 3},
		{"to (exclusive)", url.Values{"to": {rfc(base.Add(20 * time.Minute))}}, 2},
		{"range", url.Values{"from": {rfc(base.Add(5 * time.Minute))}, "to": {rfc(base.Add(25 * time.Minute))}}, 2},
		{"username wildcard is literal", url.Values{"username": {"%"}}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.query.Set("module", module)
			var p opPage
			admin.Get(t, "/api/system/log/operation/list?"+tc.query.Encode()).Expect(t, http.StatusOK).Decode(t, &p)
			if p.Total != tc.total || len(p.Items) != tc.total {
				t.Errorf("total %d, items %d, want %d", p.Total, len(p.Items), tc.total)
			}
		})
	}
	t.Run("paging and order", func(t *testing.T) {
		var p1, p2 opPage
		admin.Get(t, "/api/system/log/operation/list?pageSize=3&module="+module).Expect(t, http.StatusOK).Decode(t, &p1)
		admin.Get(t, "/api/system/log/operation/list?pageSize=3&page=2&module="+module).Expect(t, http.StatusOK).Decode(t, &p2)
		if p1.Total != 4 || len(p1.Items) != 3 || len(p2.Items) != 1 {
			t.Fatalf("pages: %d+%d of %d", len(p1.Items), len(p2.Items), p1.Total)
		}
		if p1.Items[0].ID < p1.Items[1].ID || p1.Items[2].ID < p2.Items[0].ID {
			t.Error("default order is not newest first")
		}
		if p1.Items[0].CreatedAt == "" || p1.Items[0].CreatedAt[len(p1.Items[0].CreatedAt)-6:] != "+08:00" {
			t.Errorf("createdAt %q is not RFC 3339 in the display zone", p1.Items[0].CreatedAt)
		}
		var asc opPage
		admin.Get(t, "/api/system/log/operation/list?sortBy=status&sortOrder=asc&module="+module).Expect(t, http.StatusOK).Decode(t, &asc)
		if asc.Items[0].Status != 200 || asc.Items[3].Status != 500 {
			t.Errorf("sortBy=status asc gave %d..%d", asc.Items[0].Status, asc.Items[3].Status)
		}
	})
	bad := []struct{ name, query, code string }{
		{"bad from", "from=yesterday", "TIME_INVALID"},
		{"bad to", "to=2026-01-01", "TIME_INVALID"},
		{"unknown sort", "sortBy=password", "SORT_FIELD_INVALID"},
		{"page size", "pageSize=1000", "INVALID_INPUT"},
		{"result", "result=2", "INVALID_INPUT"},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			r := admin.Get(t, "/api/system/log/operation/list?"+tc.query).Expect(t, http.StatusBadRequest)
			if r.ErrorCode() != tc.code {
				t.Errorf("error %q, want %q", r.ErrorCode(), tc.code)
			}
		})
	}
}

func TestLoginLogFilters(t *testing.T) {
	admin := testkit.Current().Admin(t)
	tag := testkit.UniqueName("l")
	now := time.Now()
	addLogin(t, 0, "x"+tag, 0, now.Add(-time.Hour))
	addLogin(t, 0, "y"+tag, 1, now)
	addLogin(t, 0, "y"+tag, 0, now)
	tests := []struct {
		query string
		total int
	}{
		{"username=" + tag, 3},
		{"username=y" + tag, 2},
		{"username=" + tag + "&result=1", 1},
		{"username=" + tag + "&result=0", 2},
		{"username=" + tag + "&from=" + url.QueryEscape(now.Add(-time.Minute).Format(time.RFC3339)), 2},
	}
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			var p loginPage
			admin.Get(t, "/api/system/log/login/list?"+tc.query).Expect(t, http.StatusOK).Decode(t, &p)
			if p.Total != tc.total {
				t.Errorf("total %d, want %d", p.Total, tc.total)
			}
		})
	}
}

// Log routes over HTTP: the super-admin may read them; an agent may not (RBAC grants the log
// routes to admins only), nor may an anonymous caller.
func TestLogRoutesAccess(t *testing.T) {
	env := testkit.Current()
	admin := env.Admin(t)
	agent := env.Login(t, testkit.SeedUser(t, consts.RoleAgent, newTree(t).adminA))
	for _, path := range []string{"/api/system/log/operation/list", "/api/system/log/operation/export",
		"/api/system/log/login/list", "/api/system/log/login/export"} {
		t.Run(path, func(t *testing.T) {
			admin.Get(t, path+"?username=nobody-matches-this").Expect(t, http.StatusOK)
			agent.Get(t, path).Expect(t, http.StatusForbidden)
			env.Client().Get(t, path).Expect(t, http.StatusUnauthorized)
		})
	}
}

// The same scoping over HTTP, now that RBAC grants agent-admins the log routes: an agent-admin
// reads its own and its agents' rows and none of another agent-admin's.
func TestScopeOverHTTP(t *testing.T) {
	env := testkit.Current()
	tr := newTree(t)
	module := testkit.UniqueName("h")
	now := time.Now()
	for _, u := range tr.all() {
		addOp(t, u, module, "POST", 200, now)
		addLogin(t, u.ID, u.Username+module, 1, now)
	}
	cases := []struct {
		name   string
		caller testkit.SeededUser
		want   int
	}{
		{"agent-admin A", tr.adminA, 2},
		{"agent-admin B", tr.adminB, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cl := env.Login(t, c.caller)
			var ops opPage
			cl.Get(t, "/api/system/log/operation/list?module="+module).Expect(t, http.StatusOK).Decode(t, &ops)
			var logins loginPage
			cl.Get(t, "/api/system/log/login/list?username="+module).Expect(t, http.StatusOK).Decode(t, &logins)
			if ops.Total != c.want || logins.Total != c.want {
				t.Fatalf("operation total %d, login total %d, want %d each", ops.Total, logins.Total, c.want)
			}
		})
	}
}
