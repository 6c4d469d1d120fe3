package rbac

import (
	"context"
	"slices"
	"testing"

	"kami/internal/consts"
	"kami/internal/errs"
)

func TestSetRoleMenusRefusals(t *testing.T) {
	keepGrants(t)
	agentGrants := grantsOf(t, consts.RoleAgent)
	roleEdit := menuID(t, "System:Role:Edit") // the agent-admin does not hold it
	cases := []struct {
		name   string
		ctx    context.Context
		target string
		ids    []int64
		want   errs.Code
	}{
		{"grant beyond own", as(t, consts.RoleAgentAdmin), consts.RoleAgent, append(slices.Clone(agentGrants), roleEdit), errs.GrantExceeds},
		{"own role", as(t, consts.RoleAgentAdmin), consts.RoleAgentAdmin, agentGrants, errs.Forbidden},
		{"higher role", as(t, consts.RoleAgentAdmin), consts.RoleSuperAdmin, agentGrants, errs.Forbidden},
		{"agent edits itself", as(t, consts.RoleAgent), consts.RoleAgent, agentGrants, errs.Forbidden},
		{"super-admin edits itself", as(t, consts.RoleSuperAdmin), consts.RoleSuperAdmin, agentGrants, errs.Forbidden},
		{"unknown menu", as(t, consts.RoleSuperAdmin), consts.RoleAgent, []int64{agentGrants[0], 987654321}, errs.MenuUnknown},
		{"non-positive id", as(t, consts.RoleSuperAdmin), consts.RoleAgent, []int64{0}, errs.MenuUnknown},
		{"unknown role", as(t, consts.RoleSuperAdmin), "nobody", agentGrants, errs.NotFound},
		{"no caller", t.Context(), consts.RoleAgent, agentGrants, errs.Unauthorized},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := map[string][]int64{}
			for _, r := range allRoles {
				before[r] = grantsOf(t, r)
			}
			wantCode(t, node.SetRoleMenus(c.ctx, c.target, c.ids), c.want)
			for _, r := range allRoles {
				if got := grantsOf(t, r); !slices.Equal(got, before[r]) {
					t.Fatalf("refused change still altered %s: %v -> %v", r, before[r], got)
				}
			}
		})
	}
	if errs.MenuUnknown.HTTPStatus() != 400 || errs.GrantExceeds.HTTPStatus() != 403 {
		t.Fatal("unknown menus must answer 400 and grants beyond one's own 403")
	}
}

func TestSetRoleMenusGrants(t *testing.T) {
	keepGrants(t)
	ctx := t.Context()
	userList := menuID(t, "System:User:List")
	if mustEnforce(t, node, consts.RoleAgent, "/api/system/user/list", "GET") {
		t.Fatal("agent should start without the user list")
	}
	ids := append(grantsOf(t, consts.RoleAgent), menuID(t, "System"), menuID(t, "SystemUser"), userList)
	if err := node.SetRoleMenus(as(t, consts.RoleAgentAdmin), consts.RoleAgent, ids); err != nil {
		t.Fatal(err)
	}
	if !mustEnforce(t, node, consts.RoleAgent, "/api/system/user/{id}", "GET") {
		t.Fatal("a granted button's API is still refused")
	}
	if codes, _ := node.Codes(ctx, consts.RoleAgent); !slices.Contains(codes, "System:User:List") {
		t.Fatalf("agent codes %v lack the granted button", codes)
	}

	// A grant the agent-admin cannot see survives its edits of the agent role.
	roleList := menuID(t, "System:Role:List")
	if err := node.SetRoleMenus(as(t, consts.RoleSuperAdmin), consts.RoleAgent, append(grantsOf(t, consts.RoleAgent), roleList)); err != nil {
		t.Fatal(err)
	}
	if err := node.SetRoleMenus(as(t, consts.RoleAgentAdmin), consts.RoleAgent, menuIDs(t, "Dashboard", "Analytics")); err != nil {
		t.Fatal(err)
	}
	got := grantsOf(t, consts.RoleAgent)
	if !slices.Contains(got, roleList) || slices.Contains(got, userList) {
		t.Fatalf("agent grants %v: want System:Role:List kept and System:User:List revoked", got)
	}
	// What the agent-admin is shown for the agent excludes the grant it cannot see.
	shown, err := node.RoleMenus(as(t, consts.RoleAgentAdmin), consts.RoleAgent)
	if err != nil {
		t.Fatal(err)
	}
	if want := menuIDs(t, "Dashboard", "Analytics"); !sameIDs(shown, want) {
		t.Fatalf("RoleMenus for agent-admin = %v, want %v", shown, want)
	}
}

func TestRoleList(t *testing.T) {
	cases := map[string][]string{
		consts.RoleSuperAdmin: {consts.RoleSuperAdmin, consts.RoleAgentAdmin, consts.RoleAgent, consts.RoleMember},
		consts.RoleAgentAdmin: {consts.RoleAgentAdmin, consts.RoleAgent, consts.RoleMember},
		consts.RoleAgent:      {consts.RoleAgent, consts.RoleMember},
	}
	for role, want := range cases {
		items, err := node.RoleList(as(t, role))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, it := range items {
			got = append(got, it.Code)
			if it.Level != consts.RoleLevel(it.Code) {
				t.Errorf("%s has level %d", it.Code, it.Level)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("RoleList as %s = %v, want %v", role, got, want)
		}
	}
	items, _ := node.RoleList(as(t, consts.RoleAgent))
	if items[0].Name != "代理" {
		t.Errorf("role name not localized: %q", items[0].Name)
	}
}

func TestRoleMenusVisibility(t *testing.T) {
	if _, err := node.RoleMenus(as(t, consts.RoleAgentAdmin), consts.RoleSuperAdmin); !errs.Is(err, errs.Forbidden) {
		t.Fatalf("agent-admin reading super-admin's menus: %v", err)
	}
	own, err := node.RoleMenus(as(t, consts.RoleAgentAdmin), consts.RoleAgentAdmin)
	if err != nil {
		t.Fatal(err)
	}
	if !sameIDs(own, grantsOf(t, consts.RoleAgentAdmin)) {
		t.Fatalf("agent-admin's own menus %v differ from its grants", own)
	}
	all, err := node.RoleMenus(as(t, consts.RoleSuperAdmin), consts.RoleSuperAdmin)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(all, menuID(t, "System:Job:Run")) {
		t.Fatal("the super-admin should hold every menu")
	}
}

func sameIDs(a, b []int64) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}
