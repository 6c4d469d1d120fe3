package proxy_test

import (
	"net/http"
	"testing"

	"kami/internal/adapter/ipipv"
	"kami/internal/consts"
	"kami/internal/logic/proxy"
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
		// The tests' bursts are far above the default 20/s the upstream is paced at.
		"baseUrl": f.URL(), "appKey": fakeKey, "appSecret": fakeSecret, "rps": 1000}).Expect(t, http.StatusOK)
	pauseJobs(t, w.Admin.C, proxy.JobOrderReconcile, proxy.JobCallbackRetry, proxy.JobProductSync, proxy.JobLimitPush)
	return f
}

// pauseJobs keeps the scheduler from running jobs while a test moves the shared clock: a
// scheduled reconcile would otherwise re-query a test's order behind its back and spend the
// faults the test set up for its own call (the scheduler follows the moved clock). The tests
// run the jobs themselves; the update applies on this node at once.
func pauseJobs(t *testing.T, admin *testkit.Client, names ...string) {
	t.Helper()
	for _, name := range names {
		admin.Put(t, "/api/system/job/"+name, map[string]any{"enabled": false}).Expect(t, http.StatusOK)
		t.Cleanup(func() {
			admin.Put(t, "/api/system/job/"+name, map[string]any{"enabled": true}).Expect(t, http.StatusOK)
		})
	}
}

// testkitSeedAgent is an agent under another agent-admin (outside the world's scope).
func testkitSeedAgent(t *testing.T) testkit.SeededUser {
	t.Helper()
	boss2 := testkit.SeedUser(t, consts.RoleAgentAdmin, testkit.SuperAdmin(t))
	return testkit.SeedUser(t, consts.RoleAgent, boss2)
}
