package cmd_test

import (
	"context"
	"encoding/json"
	"sort"
	"strings"
	"testing"

	"kami/internal/dao"
	"kami/internal/model/entity"
	"kami/internal/testkit"
)

// The menu catalog and the server's routes must agree: an RBAC-checked route no menu grants
// is usable by the super-admin alone (usually a forgotten catalog entry), and a catalog API
// that matches no route is a typo that grants nothing.
func TestCatalogCoversEveryCheckedRoute(t *testing.T) {
	env := testkit.Current()
	served := map[string]bool{}
	var checked []string
	for _, r := range env.Server.GetRoutes() {
		if !strings.HasPrefix(r.Route, "/api/") || r.Handler == nil {
			continue
		}
		key := strings.ToUpper(r.Method) + " " + r.Route
		served[key] = true
		if r.Handler.GetMetaTag("auth") == "" {
			checked = append(checked, key)
		}
	}
	if len(checked) == 0 {
		t.Fatal("no RBAC-checked routes found")
	}
	var rows []entity.Menus
	if err := dao.Menus.Ctx(context.Background()).Scan(&rows); err != nil {
		t.Fatal(err)
	}
	granted := map[string]bool{}
	for _, m := range rows {
		if m.Apis == "" {
			continue
		}
		var apis []string
		if err := json.Unmarshal([]byte(m.Apis), &apis); err != nil {
			t.Fatalf("menu %s: %v", m.Name, err)
		}
		for _, a := range apis {
			granted[a] = true
			if !served[a] {
				t.Errorf("menu %s grants %q, which no route serves", m.Name, a)
			}
		}
	}
	t.Logf("%d RBAC-checked routes, %d catalog APIs", len(checked), len(granted))
	sort.Strings(checked)
	for _, r := range checked {
		if !granted[r] {
			t.Errorf("route %q is RBAC-checked but no menu grants it", r)
		}
	}
}
