package proxy_test

import (
	"net/http"
	"testing"

	"kami/internal/adapter/ipipv"
	"kami/internal/consts"
	"kami/internal/testkit"
)

const fakeKey, fakeSecret = "kami-test", "qwertyuiop123456"

type member struct {
	testkit.SeededUser
	C *testkit.Client
}

func login(t *testing.T, u testkit.SeededUser) member {
	t.Helper()
	return member{SeededUser: u, C: testkit.Current().Login(t, u)}
}

// world: the super-admin, an agent-admin with one agent.
type world struct{ Admin, Boss, Agent member }

func newWorld(t *testing.T) world {
	t.Helper()
	root := testkit.SuperAdmin(t)
	boss := testkit.SeedUser(t, consts.RoleAgentAdmin, root)
	return world{Admin: login(t, root), Boss: login(t, boss), Agent: login(t, testkit.SeedUser(t, consts.RoleAgent, boss))}
}

// withFake starts a fake upstream and points the proxy settings at it through the admin API,
// so the real adapter runs against it.
func withFake(t *testing.T, w world) *ipipv.Fake {
	t.Helper()
	f := ipipv.NewFake(fakeKey, fakeSecret)
	t.Cleanup(f.Close)
	w.Admin.C.Put(t, "/api/proxy/settings", map[string]any{
		"baseUrl": f.URL(), "appKey": fakeKey, "appSecret": fakeSecret}).Expect(t, http.StatusOK)
	return f
}

// testkitSeedAgent is an agent under another agent-admin (outside the world's scope).
func testkitSeedAgent(t *testing.T) testkit.SeededUser {
	t.Helper()
	boss2 := testkit.SeedUser(t, consts.RoleAgentAdmin, testkit.SuperAdmin(t))
	return testkit.SeedUser(t, consts.RoleAgent, boss2)
}
