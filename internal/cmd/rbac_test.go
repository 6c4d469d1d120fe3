package cmd_test

import (
	"fmt"
	"testing"
	"time"

	"kami/internal/testkit"
)

type menuRow struct {
	ID       int64  `json:"id"`
	Type     string `json:"type"`
	Name     string `json:"name"`
	AuthCode string `json:"authCode"`
}

func menus(t *testing.T, cl *testkit.Client) []menuRow {
	t.Helper()
	var d struct {
		Items []menuRow `json:"items"`
	}
	cl.Get(t, "/api/system/menu/list").Expect(t, 200).Decode(t, &d)
	return d.Items
}

func menuByCode(t *testing.T, all []menuRow, code string) int64 {
	t.Helper()
	for _, m := range all {
		if m.AuthCode == code {
			return m.ID
		}
	}
	t.Fatalf("no menu with code %s", code)
	return 0
}

func roleMenus(t *testing.T, cl *testkit.Client, role string) []int64 {
	t.Helper()
	var d struct {
		MenuIds []int64 `json:"menuIds"`
	}
	cl.Get(t, "/api/system/role/"+role+"/menus").Expect(t, 200).Decode(t, &d)
	return d.MenuIds
}

func without(ids []int64, drop int64) []int64 {
	var out []int64
	for _, id := range ids {
		if id != drop {
			out = append(out, id)
		}
	}
	return out
}

// newAgentAdmin creates an agent-admin through the API and returns it logged in, password changed.
func newAgentAdmin(t *testing.T, admin *testkit.Client, base string) *testkit.Client {
	t.Helper()
	name, pass := testkit.UniqueName("aa"), "Passw0rd-init"
	admin.Post(t, "/api/system/user", map[string]string{"username": name, "password": pass, "role": "agent-admin"}).Expect(t, 200)
	cl := testkit.NewClient(base).Login(t, name, pass)
	cl.Put(t, "/api/user/password", map[string]string{"oldPassword": pass, "newPassword": pass + "9"}).Expect(t, 200)
	return cl
}

// A role may only grant what it holds, and only to roles below it.
func TestGrantCannotExceedOwn(t *testing.T) {
	env := testkit.Current()
	admin := env.Admin(t)
	all := menus(t, admin)
	roleList, roleEdit := menuByCode(t, all, "System:Role:List"), menuByCode(t, all, "System:Role:Edit")
	original := roleMenus(t, admin, "agent-admin")
	t.Cleanup(func() {
		admin.Put(t, "/api/system/role/agent-admin/menus", map[string]any{"menuIds": original}).Expect(t, 200)
	})
	admin.Put(t, "/api/system/role/agent-admin/menus", map[string]any{"menuIds": append(append([]int64{}, original...), roleList, roleEdit)}).Expect(t, 200)

	aa := newAgentAdmin(t, admin, env.BaseURL)
	held := roleMenus(t, aa, "agent-admin")
	jobMenu := int64(0)
	for _, m := range all {
		if m.AuthCode == "System:Job:Run" {
			jobMenu = m.ID
		}
	}
	cases := []struct {
		name   string
		role   string
		ids    []int64
		status int
		code   string
	}{
		{"a menu it lacks", "agent", []int64{held[0], jobMenu}, 403, "GRANT_EXCEEDS_OWN"},
		{"its own role", "agent-admin", held, 403, ""},
		{"a role above it", "super-admin", held, 403, ""},
		{"unknown menu", "agent", []int64{held[0], 99999999}, 400, ""},
		{"empty", "agent", []int64{}, 400, "INVALID_INPUT"},
		{"within its own", "agent", held[:1], 200, ""},
	}
	before := roleMenus(t, admin, "agent")
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := aa.Put(t, "/api/system/role/"+c.role+"/menus", map[string]any{"menuIds": c.ids}).Expect(t, c.status)
			if c.code != "" && r.ErrorCode() != c.code {
				t.Fatalf("error %s, want %s", r.ErrorCode(), c.code)
			}
			if c.status != 200 && fmt.Sprint(roleMenus(t, admin, "agent")) != fmt.Sprint(before) {
				t.Fatal("a refused grant changed the agent role")
			}
		})
	}
	admin.Put(t, "/api/system/role/agent/menus", map[string]any{"menuIds": before}).Expect(t, 200)
}

// A permission revoked through one node is refused by another node within 5 s.
func TestRevokeReachesOtherNodeWithin5s(t *testing.T) {
	env := testkit.Current()
	node2 := env.StartNode(t)
	admin := env.Admin(t)
	aa := newAgentAdmin(t, admin, node2.BaseURL) // logged in on node 2
	aa.Get(t, "/api/system/user/list").Expect(t, 200)

	original := roleMenus(t, admin, "agent-admin")
	t.Cleanup(func() {
		admin.Put(t, "/api/system/role/agent-admin/menus", map[string]any{"menuIds": original}).Expect(t, 200)
	})
	listBtn := menuByCode(t, menus(t, admin), "System:User:List")
	admin.Put(t, "/api/system/role/agent-admin/menus", map[string]any{"menuIds": without(original, listBtn)}).Expect(t, 200)

	start := time.Now()
	for {
		r := aa.Get(t, "/api/system/user/list")
		if r.Status == 403 {
			t.Logf("node 2 refused %v after the revoke on node 1", time.Since(start).Round(time.Millisecond))
			break
		}
		if time.Since(start) > 5*time.Second {
			t.Fatalf("node 2 still answers %d 5 s after the revoke", r.Status)
		}
		time.Sleep(50 * time.Millisecond)
	}
	// And the grant comes back the same way.
	admin.Put(t, "/api/system/role/agent-admin/menus", map[string]any{"menuIds": original}).Expect(t, 200)
	deadline := time.Now().Add(5 * time.Second)
	for aa.Get(t, "/api/system/user/list").Status != 200 {
		if time.Now().After(deadline) {
			t.Fatal("node 2 did not see the re-grant within 5 s")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestMenuTreeAndCodesPerRole(t *testing.T) {
	env := testkit.Current()
	admin := env.Admin(t)
	aa := newAgentAdmin(t, admin, env.BaseURL)
	type route struct {
		Name     string  `json:"name"`
		Path     string  `json:"path"`
		Children []route `json:"children"`
		Meta     struct {
			Title string `json:"title"`
		} `json:"meta"`
	}
	names := func(cl *testkit.Client) map[string]bool {
		var tree []route
		cl.Get(t, "/api/menu/all").Expect(t, 200).Decode(t, &tree)
		out := map[string]bool{}
		var walk func([]route)
		walk = func(rs []route) {
			for _, r := range rs {
				out[r.Path] = true
				if r.Meta.Title == "" {
					t.Fatalf("route %s has no title", r.Path)
				}
				walk(r.Children)
			}
		}
		walk(tree)
		return out
	}
	adminRoutes, aaRoutes := names(admin), names(aa)
	if !adminRoutes["/system/role"] || !adminRoutes["/system/user"] {
		t.Fatalf("super-admin routes: %v", adminRoutes)
	}
	if aaRoutes["/system/role"] || !aaRoutes["/system/user"] {
		t.Fatalf("agent-admin routes: %v", aaRoutes)
	}
	var codes []string
	aa.Get(t, "/api/auth/codes").Expect(t, 200).Decode(t, &codes)
	has := map[string]bool{}
	for _, c := range codes {
		has[c] = true
	}
	if !has["System:User:Create"] || has["System:Role:Edit"] {
		t.Fatalf("agent-admin codes: %v", codes)
	}
}

// The role and menu administration routes: the super-admin may use them, an agent-admin (by
// default) and an agent may not, and nobody anonymous.
func TestRoleRoutesAccess(t *testing.T) {
	env := testkit.Current()
	admin := env.Admin(t)
	root := testkit.SuperAdmin(t)
	aa := env.Login(t, testkit.SeedUser(t, "agent-admin", root))
	agent := env.Login(t, testkit.SeedUser(t, "agent", root))
	current := roleMenus(t, admin, "agent")
	routes := []struct {
		method, path string
		body         any
	}{
		{"GET", "/api/system/role/list", nil},
		{"GET", "/api/system/role/agent/menus", nil},
		{"PUT", "/api/system/role/agent/menus", map[string]any{"menuIds": current}},
		{"GET", "/api/system/menu/list", nil},
	}
	for _, r := range routes {
		t.Run(r.method+" "+r.path, func(t *testing.T) {
			admin.Do(t, r.method, r.path, r.body).Expect(t, 200)
			aa.Do(t, r.method, r.path, r.body).Expect(t, 403)
			agent.Do(t, r.method, r.path, r.body).Expect(t, 403)
			env.Client().Do(t, r.method, r.path, r.body).Expect(t, 401)
		})
	}
	if fmt.Sprint(roleMenus(t, admin, "agent")) != fmt.Sprint(current) {
		t.Fatal("refused calls changed the agent role")
	}
	admin.Get(t, "/api/system/role/no-such-role/menus").Expect(t, 404)
	admin.Put(t, "/api/system/role/agent/menus", `{"menuIds":"not-a-list"}`).Expect(t, 400)
}
