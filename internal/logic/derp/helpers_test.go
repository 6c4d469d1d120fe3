package derp_test

import (
	"testing"

	"kami/internal/consts"
	"kami/internal/testkit"
)

type actor struct {
	testkit.SeededUser
	C *testkit.Client
}

func login(t *testing.T, u testkit.SeededUser) actor {
	t.Helper()
	return actor{SeededUser: u, C: testkit.Current().Login(t, u)}
}

// world: the super-admin, an agent-admin with one agent, and a member under that agent.
type world struct{ Admin, Boss, Agent, Member actor }

func newWorld(t *testing.T) world {
	t.Helper()
	root := testkit.SuperAdmin(t)
	boss := testkit.SeedUser(t, consts.RoleAgentAdmin, root)
	agent := testkit.SeedUser(t, consts.RoleAgent, boss)
	return world{Admin: login(t, root), Boss: login(t, boss), Agent: login(t, agent),
		Member: login(t, testkit.SeedUser(t, consts.RoleMember, agent))}
}

// callers lists the world's roles plus an anonymous client, in matrix order S, AA, A, member, anon.
func (w world) callers() []struct {
	Name string
	C    *testkit.Client
} {
	return []struct {
		Name string
		C    *testkit.Client
	}{{"S", w.Admin.C}, {"AA", w.Boss.C}, {"A", w.Agent.C}, {"member", w.Member.C}, {"anon", testkit.Current().Client()}}
}
