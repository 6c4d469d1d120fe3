package rbac

import (
	"context"
	"sync"
	"testing"
	"time"

	"kami/internal/config"
	"kami/internal/consts"
)

func TestEnforce(t *testing.T) {
	cases := []struct {
		role, route, method string
		want                bool
	}{
		{consts.RoleSuperAdmin, "/api/system/role/{code}/menus", "PUT", true},
		{consts.RoleSuperAdmin, "/api/never/registered", "DELETE", true},
		{consts.RoleAgentAdmin, "/api/system/user/{id}", "PUT", true},
		{consts.RoleAgentAdmin, "/api/system/user/{id}", "put", true},
		{consts.RoleAgentAdmin, "/api/system/user/{id}", "DELETE", false},
		{consts.RoleAgentAdmin, "/api/system/log/login/export", "GET", true},
		{consts.RoleAgentAdmin, "/api/system/role/{code}/menus", "PUT", false},
		{consts.RoleAgentAdmin, "/api/system/menu/list", "GET", false},
		{consts.RoleAgentAdmin, "/api/system/job/{name}/run", "POST", false},
		{consts.RoleAgent, "/api/system/user/list", "GET", false},
		{consts.RoleAgent, "/api/no/policy/at/all", "GET", false},
		{"nobody", "/api/system/user/list", "GET", false},
	}
	for _, c := range cases {
		if got := mustEnforce(t, node, c.role, c.route, c.method); got != c.want {
			t.Errorf("Enforce(%s, %s %s) = %v, want %v", c.role, c.method, c.route, got, c.want)
		}
	}
}

// A revocation made on one node reaches another node, which only polls, within seconds.
func TestRevocationReachesOtherNode(t *testing.T) {
	keepGrants(t)
	other := New()
	other.Configure(config.Get)
	if err := other.Start(t.Context()); err != nil {
		t.Fatal(err)
	}
	defer other.Stop()
	route, method := "/api/system/user/{id}", "PUT"
	if !mustEnforce(t, other, consts.RoleAgentAdmin, route, method) {
		t.Fatal("agent-admin should start with System:User:Edit")
	}

	edit := menuID(t, "System:User:Edit")
	err := node.SetRoleMenus(as(t, consts.RoleSuperAdmin), consts.RoleAgentAdmin, without(grantsOf(t, consts.RoleAgentAdmin), edit))
	if err != nil {
		t.Fatal(err)
	}
	if mustEnforce(t, node, consts.RoleAgentAdmin, route, method) {
		t.Fatal("the node that made the change must refuse at once")
	}
	deadline := time.Now().Add(10 * time.Second) // generous: the contract is 5 s, polling is 200 ms here
	for mustEnforce(t, other, consts.RoleAgentAdmin, route, method) {
		if time.Now().After(deadline) {
			t.Fatal("the other node still allows the revoked API")
		}
		time.Sleep(50 * time.Millisecond)
	}
	if !mustEnforce(t, other, consts.RoleAgentAdmin, "/api/system/user/list", "GET") {
		t.Fatal("the other node lost a grant that was not revoked")
	}
}

// Reloads swap the enforcer under concurrent Enforce calls (run with -race).
func TestReloadDuringEnforce(t *testing.T) {
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				ok, err := node.Enforce(t.Context(), consts.RoleAgentAdmin, "/api/system/user/{id}", "PUT")
				if err != nil || !ok {
					t.Errorf("Enforce during reload: %v %v", ok, err)
					return
				}
			}
		}()
	}
	for range 10 {
		if err := node.Reload(t.Context()); err != nil {
			t.Error(err)
		}
	}
	close(stop)
	wg.Wait()
}

// A reload that fails keeps the previous enforcer serving.
func TestFailedReloadKeepsPolicies(t *testing.T) {
	s := New()
	if err := s.Reload(t.Context()); err != nil {
		t.Fatal(err)
	}
	old := s.current.Load()
	ctx, cancel := context.WithCancel(t.Context())
	cancel() // the database refuses a canceled query, standing in for an outage
	if err := s.Reload(ctx); err == nil {
		t.Fatal("reload with a canceled context should fail")
	}
	if s.current.Load() != old {
		t.Fatal("a failed reload replaced the enforcer")
	}
	if !mustEnforce(t, s, consts.RoleAgentAdmin, "/api/system/user/{id}", "PUT") {
		t.Fatal("the kept enforcer no longer allows agent-admin")
	}
}
