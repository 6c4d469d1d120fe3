package derp_test

import (
	"context"
	"encoding/json"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"testing"

	"kami/internal/config"
	"kami/internal/dao"
	"kami/internal/model/entity"
	"kami/internal/testkit"
)

var pathParam = regexp.MustCompile(`\{[A-Za-z]+\}`)

// §14.13 over every route the server serves under /api/derp/ (a route added later is walked
// without editing this test), × {S, AA, A, member, anonymous}, against the roles the menu
// catalog grants it: a granted caller is never refused (403/401), any other gets 403; /me/*
// (auth:"login") is the member's — staff get 403 DERP_NOT_CUSTOMER; anonymous gets 401 except
// on the public routes. Ids are 0, so no call can change anything.
func TestAccessWalk(t *testing.T) {
	w := newWorld(t)
	// Every route answers the anonymous caller 401: far more than the per-IP 401 budget.
	testkit.SetConfig(t, func(c *config.Config) { c.HTTP.UnauthenticatedPerMinute = 100000 })
	ctx := context.Background()
	var menus []entity.Menus
	if err := dao.Menus.Ctx(ctx).Scan(&menus); err != nil {
		t.Fatal(err)
	}
	var grants []entity.RoleMenus
	if err := dao.RoleMenus.Ctx(ctx).Scan(&grants); err != nil {
		t.Fatal(err)
	}
	byMenu := map[int64][]string{}
	for _, g := range grants {
		byMenu[g.MenuId] = append(byMenu[g.MenuId], g.Role)
	}
	granted := map[string]map[string]bool{} // "METHOD /path" → role → granted
	for _, m := range menus {
		var apis []string
		_ = json.Unmarshal([]byte(m.Apis), &apis)
		for _, a := range apis {
			if granted[a] == nil {
				granted[a] = map[string]bool{}
			}
			for _, r := range byMenu[m.Id] {
				granted[a][r] = true
			}
		}
	}
	roles := []string{"super-admin", "agent-admin", "agent", "member", ""}
	callers := w.callers()
	walked := 0
	seen := map[string]bool{}
	routes := testkit.Current().Server.GetRoutes()
	sort.Slice(routes, func(i, j int) bool { return routes[i].Route+routes[i].Method < routes[j].Route+routes[j].Method })
	for _, rt := range routes {
		if !strings.HasPrefix(rt.Route, "/api/derp/") || rt.Handler == nil {
			continue
		}
		api := strings.ToUpper(rt.Method) + " " + rt.Route
		if seen[api] {
			continue
		}
		seen[api] = true
		walked++
		auth := rt.Handler.GetMetaTag("auth")
		// RBAC routes get id 0 (refused by validation once authorized: nothing can change);
		// the members' routes an id no rental has, so the logic's member check is reached.
		path := pathParam.ReplaceAllString(rt.Route, "0")
		if auth == "login" {
			path = pathParam.ReplaceAllString(rt.Route, "999999999")
		}
		for i, who := range callers {
			r := who.C.Do(t, strings.ToUpper(rt.Method), path, nil)
			role := roles[i]
			switch {
			case auth == "public":
				if r.Status == http.StatusUnauthorized || r.Status == http.StatusForbidden {
					t.Errorf("%s as %s: %d on a public route", api, who.Name, r.Status)
				}
			case role == "":
				if r.Status != http.StatusUnauthorized {
					t.Errorf("%s anonymous: %d, want 401", api, r.Status)
				}
			case auth == "login" && role != "member":
				// (400 when the empty body is refused first: validation runs before the logic)
				if (r.Status != http.StatusForbidden || r.Reason != "DERP_NOT_CUSTOMER") && r.Status != http.StatusBadRequest {
					t.Errorf("%s as %s: %d %s, want 403 DERP_NOT_CUSTOMER", api, who.Name, r.Status, r.Reason)
				}
			case auth == "login" || role == "super-admin" || granted[api][role]: // S holds every menu
				if r.Status == http.StatusForbidden || r.Status == http.StatusUnauthorized {
					t.Errorf("%s as %s (granted): %d %s", api, who.Name, r.Status, r.Reason)
				}
			default:
				if r.Status != http.StatusForbidden {
					t.Errorf("%s as %s (not granted): %d, want 403", api, who.Name, r.Status)
				}
			}
		}
	}
	if walked < 75 {
		t.Fatalf("walked %d derp routes; derp.md §5 has more", walked)
	}
}
