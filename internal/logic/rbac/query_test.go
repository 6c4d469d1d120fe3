package rbac

import (
	"slices"
	"testing"

	"github.com/gogf/gf/v2/i18n/gi18n"

	menuv1 "kami/api/menu/v1"
	"kami/internal/consts"
)

func TestCodes(t *testing.T) {
	cases := []struct {
		role      string
		has, lack []string
	}{
		{consts.RoleSuperAdmin, []string{"System:User:List", "System:Role:Edit", "System:Job:Run", "System:Log:Login"}, nil},
		{consts.RoleAgentAdmin,
			[]string{"System:User:List", "System:User:Create", "System:User:Edit", "System:User:Status", "System:User:ResetPassword", "System:Log:Operation", "System:Log:Login"},
			[]string{"System:Role:List", "System:Role:Edit", "System:Job:List", "System:Job:Run"}},
		{consts.RoleAgent, nil, []string{"System:User:List", "System:Log:Login"}},
	}
	for _, c := range cases {
		codes, err := node.Codes(t.Context(), c.role)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range c.has {
			if !slices.Contains(codes, want) {
				t.Errorf("%s codes %v lack %s", c.role, codes, want)
			}
		}
		for _, not := range c.lack {
			if slices.Contains(codes, not) {
				t.Errorf("%s codes include %s", c.role, not)
			}
		}
	}
	if codes, _ := node.Codes(t.Context(), consts.RoleAgent); len(codes) != 0 {
		t.Errorf("agent codes = %v, want none", codes)
	}
}

// shape renders a tree as "Name(Child,Child)" lists for compact comparison.
func shape(items []*menuv1.MenuItem) []string {
	var out []string
	for _, it := range items {
		s := it.Name
		if len(it.Children) > 0 {
			s += "("
			for i, c := range shape(it.Children) {
				if i > 0 {
					s += ","
				}
				s += c
			}
			s += ")"
		}
		out = append(out, s)
	}
	return out
}

func TestMenuTree(t *testing.T) {
	cases := map[string][]string{
		consts.RoleSuperAdmin: {"Dashboard(Analytics)", "System(SystemUser,SystemRole,SystemOperationLog,SystemLoginLog,SystemJob,SystemSettings)"},
		consts.RoleAgentAdmin: {"Dashboard(Analytics)", "System(SystemUser,SystemOperationLog,SystemLoginLog)"},
		consts.RoleAgent:      {"Dashboard(Analytics)"},
	}
	for role, want := range cases {
		tree, err := node.MenuTree(t.Context(), role)
		if err != nil {
			t.Fatal(err)
		}
		if got := shape(tree); !slices.Equal(got, want) {
			t.Errorf("MenuTree(%s) = %v, want %v", role, got, want)
		}
	}

	tree, _ := node.MenuTree(gi18n.WithLanguage(t.Context(), "en"), consts.RoleAgentAdmin)
	dash, sys := tree[0], tree[1]
	if dash.Path != "/dashboard" || dash.Redirect != "/dashboard/analytics" || dash.Component != "" || dash.Meta.Title != "Dashboard" {
		t.Errorf("dashboard catalog = %+v", dash)
	}
	an := dash.Children[0]
	if an.Path != "/dashboard/analytics" || an.Component != "/dashboard/analytics/index" || an.Meta.Title != "Analytics" {
		t.Errorf("analytics menu = %+v", an)
	}
	if user := sys.Children[0]; user.Meta.Title != "Users" || user.Component != "/system/user/list" || len(user.Children) != 0 {
		t.Errorf("user menu = %+v (buttons must not be routes)", user)
	}
	zh, _ := node.MenuTree(t.Context(), consts.RoleAgent)
	if zh[0].Meta.Title != "仪表盘" {
		t.Errorf("default language title = %q, want zh-CN", zh[0].Meta.Title)
	}
}

func TestMenuList(t *testing.T) {
	items, err := node.MenuList(as(t, consts.RoleAgentAdmin))
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, it := range items {
		names[it.Name] = true
	}
	for _, want := range []string{"System", "SystemUser", "System:User:Edit", "Dashboard"} {
		if !names[want] {
			t.Errorf("agent-admin menu list lacks %s", want)
		}
	}
	for _, not := range []string{"SystemRole", "System:Role:Edit", "SystemJob"} {
		if names[not] {
			t.Errorf("agent-admin menu list includes %s", not)
		}
	}
	all, _ := node.MenuList(as(t, consts.RoleSuperAdmin))
	if len(all) <= len(items) {
		t.Errorf("super-admin sees %d menus, agent-admin %d", len(all), len(items))
	}
	if _, err := node.MenuList(t.Context()); err == nil {
		t.Error("MenuList without a caller should fail")
	}
}

func TestHasMenus(t *testing.T) {
	cases := []struct {
		role  string
		names []string
		want  bool
	}{
		{consts.RoleSuperAdmin, []string{"System:Role:Edit"}, true},
		{consts.RoleAgentAdmin, []string{"System:User:Edit", "SystemUser"}, true},
		{consts.RoleAgentAdmin, []string{"System:User:Edit", "System:Role:Edit"}, false},
		{consts.RoleAgent, []string{"Analytics"}, true},
		{consts.RoleAgent, []string{"SystemUser"}, false},
	}
	for _, c := range cases {
		got, err := node.HasMenus(t.Context(), c.role, menuIDs(t, c.names...))
		if err != nil {
			t.Fatal(err)
		}
		if got != c.want {
			t.Errorf("HasMenus(%s, %v) = %v, want %v", c.role, c.names, got, c.want)
		}
	}
}

// A catalog whose pages are all revoked disappears instead of showing an empty heading.
func TestMenuTreeDropsEmptyCatalogs(t *testing.T) {
	keepGrants(t)
	err := node.SetRoleMenus(as(t, consts.RoleSuperAdmin), consts.RoleAgentAdmin, menuIDs(t, "Dashboard", "Analytics", "System"))
	if err != nil {
		t.Fatal(err)
	}
	tree, err := node.MenuTree(t.Context(), consts.RoleAgentAdmin)
	if err != nil {
		t.Fatal(err)
	}
	if got := shape(tree); !slices.Equal(got, []string{"Dashboard(Analytics)"}) {
		t.Fatalf("MenuTree = %v, want the empty System catalog dropped", got)
	}
}
