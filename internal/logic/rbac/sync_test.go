package rbac

import (
	"context"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"kami/internal/consts"
	"kami/internal/dao"
)

var syncedTables = []string{"roles", "menus", "role_menus", "casbin_rule", "settings"}

func tableCounts(t *testing.T) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, tb := range syncedTables {
		out[tb] = count(t, tb)
	}
	return out
}

func TestSyncIdempotent(t *testing.T) {
	before := tableCounts(t)
	if before["roles"] != 4 || before["menus"] == 0 || before["role_menus"] == 0 || before["casbin_rule"] == 0 {
		t.Fatalf("boot Sync seeded too little: %v", before)
	}
	version, _ := readVersion(t.Context())

	if err := node.Sync(t.Context()); err != nil {
		t.Fatal(err)
	}
	if got := tableCounts(t); !equalCounts(got, before) {
		t.Fatalf("second Sync changed row counts: %v -> %v", before, got)
	}
	if v, _ := readVersion(t.Context()); v == version || v == "" {
		t.Fatalf("Sync did not bump %s: %q -> %q", versionKey, version, v)
	}

	// Two nodes booting at once: both succeed and nothing is duplicated.
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = New().Sync(context.Background())
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("concurrent Sync %d: %v", i, err)
		}
	}
	if got := tableCounts(t); !equalCounts(got, before) {
		t.Fatalf("concurrent Syncs changed row counts: %v -> %v", before, got)
	}
	dups, err := dao.CasbinRule.DB().GetValue(t.Context(),
		"SELECT COUNT(*) FROM (SELECT ptype, v0, v1, v2 FROM casbin_rule GROUP BY ptype, v0, v1, v2 HAVING COUNT(*) > 1) d")
	if err != nil || dups.Int() != 0 {
		t.Fatalf("duplicate casbin rules: %v (err %v)", dups, err)
	}
}

func equalCounts(a, b map[string]int) bool {
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return len(a) == len(b)
}

// A revoked default grant stays revoked: Sync grants a row only when it inserts it.
func TestSyncKeepsRevocations(t *testing.T) {
	keepGrants(t)
	analytics := menuID(t, "Analytics")
	err := node.SetRoleMenus(as(t, consts.RoleSuperAdmin), consts.RoleAgent, without(grantsOf(t, consts.RoleAgent), analytics))
	if err != nil {
		t.Fatal(err)
	}
	if err = node.Sync(t.Context()); err != nil {
		t.Fatal(err)
	}
	if slices.Contains(grantsOf(t, consts.RoleAgent), analytics) {
		t.Fatal("Sync re-granted a menu an admin revoked")
	}
}

// A later module adds its menus with one Register call; dropping them from the code retires
// the rows (and their APIs) without losing grants, and bringing them back restores both.
func TestRegisterModule(t *testing.T) {
	keepGrants(t)
	ctx := t.Context()
	// Fresh names per run: a row that already exists (from an earlier -count run) is by
	// design not granted again.
	id := strconv.FormatInt(time.Now().UnixNano(), 36)
	menu, button := "TestQuota"+id, "Test:Quota:Recharge"+id
	route, method := "/api/test-quota/"+id+"/recharge", "POST"
	mod := Node{
		Type: TypeMenu, Name: menu, Parent: "System", Path: "/system/test-quota", Component: "/quota/index",
		Title: "menu.test.quota", Sort: 50, Roles: []string{consts.RoleAgentAdmin},
		Children: []Node{{Type: TypeButton, AuthCode: button, APIs: []string{method + " " + route}}},
	}
	unregister := func() {
		catalogMu.Lock()
		defer catalogMu.Unlock()
		catalog = slices.DeleteFunc(catalog, func(n Node) bool { return n.Name == menu || n.Name == button })
		delete(names, menu)
		delete(names, button)
	}
	t.Cleanup(func() {
		unregister()
		_ = node.Sync(context.Background())
	})

	Register(mod)
	if err := node.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	var parent int64
	v, _ := dao.Menus.Ctx(ctx).Where("name", menu).Value("parent_id")
	if parent = v.Int64(); parent != menuID(t, "System") {
		t.Fatalf("module menu parent = %d, want System", parent)
	}
	if !mustEnforce(t, node, consts.RoleAgentAdmin, route, method) || mustEnforce(t, node, consts.RoleAgent, route, method) {
		t.Fatal("registered module: agent-admin should be allowed and agent refused")
	}

	unregister()
	if err := node.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	if mustEnforce(t, node, consts.RoleAgentAdmin, route, method) {
		t.Fatal("a retired menu still grants its API")
	}
	if codes, _ := node.Codes(ctx, consts.RoleAgentAdmin); slices.Contains(codes, button) {
		t.Fatal("a retired button still yields its code")
	}

	Register(mod)
	if err := node.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	if !mustEnforce(t, node, consts.RoleAgentAdmin, route, method) {
		t.Fatal("a returning menu lost its grant")
	}
}

func TestRegisterRejectsMistakes(t *testing.T) {
	cases := map[string]Node{
		"duplicate name": {Type: TypeMenu, Name: "SystemUser", Path: "/x"},
		"unknown type":   {Type: "page", Name: "TestBadType", Path: "/x"},
		"button no code": {Type: TypeButton, Name: "TestNoCode"},
		"bad api":        {Type: TypeButton, AuthCode: "Test:Bad:Api", APIs: []string{"/api/x"}},
		"bad role":       {Type: TypeMenu, Name: "TestBadRole", Path: "/x", Roles: []string{"root"}},
		"menu no path":   {Type: TypeMenu, Name: "TestNoPath"},
	}
	for name, n := range cases {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Fatal("Register accepted it")
				}
			}()
			Register(n)
		})
	}
}
