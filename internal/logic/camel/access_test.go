package camel_test

import (
	"context"
	"encoding/json"
	"net/http"
	"sort"
	"strings"
	"testing"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/model/entity"
	"kami/internal/testkit"
)

// camelRoutes are every route the server serves under /api/camel-oil/, as "METHOD /path",
// checked against the menu catalog: each API a camel-oil menu or button grants is among them,
// so a route added later is walked without editing this test.
func camelRoutes(t *testing.T) []string {
	t.Helper()
	served := map[string]bool{}
	for _, r := range testkit.Current().Server.GetRoutes() {
		if strings.HasPrefix(r.Route, "/api/camel-oil/") && r.Handler != nil {
			if r.Handler.GetMetaTag("auth") != "" {
				t.Errorf("%s %s is not RBAC-checked (auth:%q)", r.Method, r.Route, r.Handler.GetMetaTag("auth"))
			}
			served[strings.ToUpper(r.Method)+" "+r.Route] = true
		}
	}
	var menus []entity.Menus
	if err := dao.Menus.Ctx(context.Background()).Scan(&menus); err != nil {
		t.Fatal(err)
	}
	granted := 0
	for _, m := range menus {
		var apis []string
		_ = json.Unmarshal([]byte(m.Apis), &apis)
		for _, a := range apis {
			if strings.Contains(a, " /api/camel-oil/") {
				granted++
				if !served[a] {
					t.Errorf("the catalog grants %q, which is not served", a)
				}
			}
		}
	}
	out := make([]string, 0, len(served))
	for k := range served {
		out = append(out, k)
	}
	sort.Strings(out)
	if len(out) < 26 || granted < len(out) { // §6 lists 26
		t.Fatalf("%d camel-oil routes, %d catalog grants: %v", len(out), granted, out)
	}
	return out
}

// TestAdminRoutesAreSuperAdminOnly (§7.9): agent-admin and agent get 403 on every admin route
// of the module (walked from the server's routes), with a body and without; the super-admin
// is never refused a read.
func TestAdminRoutesAreSuperAdminOnly(t *testing.T) {
	routes := camelRoutes(t)
	root := testkit.SuperAdmin(t)
	boss := testkit.SeedUser(t, consts.RoleAgentAdmin, root)
	agent := testkit.SeedUser(t, consts.RoleAgent, boss)
	super := admin(t)
	for _, rt := range routes {
		method, path, _ := strings.Cut(rt, " ")
		path = strings.ReplaceAll(path, "{id}", "1")
		for _, u := range []testkit.SeededUser{boss, agent} {
			cl := testkit.Current().Login(t, u)
			t.Run(u.Role+" "+rt, func(t *testing.T) {
				cl.Do(t, method, path, nil).Expect(t, http.StatusForbidden)
				if method != http.MethodGet && method != http.MethodDelete {
					cl.Do(t, method, path, map[string]any{"phone": newPhone(), "status": "disabled", "name": "x"}).
						Expect(t, http.StatusForbidden)
				}
			})
		}
		if method == http.MethodGet {
			if r := super.Do(t, method, path, nil); r.Status == http.StatusForbidden || r.Status == http.StatusUnauthorized {
				t.Errorf("super-admin %s: %d", rt, r.Status)
			}
		}
	}
}
