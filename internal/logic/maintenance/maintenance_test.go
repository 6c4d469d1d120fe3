package maintenance_test

import (
	"net/http"
	"testing"
	"time"

	"kami/internal/consts"
	"kami/internal/testkit"
)

type versionRes struct {
	Version       string `json:"version"`
	Commit        string `json:"commit"`
	SchemaVersion string `json:"schemaVersion"`
}

// Every logged-in role may read what runs (the panel's about box); an anonymous caller may not.
func TestVersionPerRole(t *testing.T) {
	env := testkit.Current()
	root := testkit.SuperAdmin(t)
	boss := testkit.SeedUser(t, consts.RoleAgentAdmin, root)
	cases := []struct {
		name   string
		client *testkit.Client
		want   int
	}{
		{"super-admin", env.Login(t, root), http.StatusOK},
		{"agent-admin", env.Login(t, boss), http.StatusOK},
		{"agent", env.Login(t, testkit.SeedUser(t, consts.RoleAgent, boss)), http.StatusOK},
		{"anonymous", env.Client(), http.StatusUnauthorized},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := c.client.Get(t, "/api/system/version").Expect(t, c.want)
			if c.want != http.StatusOK {
				return
			}
			var v versionRes
			r.Decode(t, &v)
			if v.Version == "" || v.Commit == "" || v.SchemaVersion < "0007" {
				t.Fatalf("version answer %+v", v)
			}
			c.client.Get(t, "/api/system/maintenance").Expect(t, http.StatusOK)
		})
	}
}

// The switch is a setting: turned on through node 1 it reaches node 2 within 2 s, where
// writes answer 503 MAINTENANCE with Retry-After while reads, login and the settings write
// that switches it off keep working; switched off through node 2, node 1 takes writes again.
func TestMaintenanceOnTwoNodes(t *testing.T) {
	env := testkit.Current()
	node2 := env.StartNode(t)
	root := testkit.SuperAdmin(t)
	one := env.Login(t, root)
	two := node2.Client().Login(t, root.Username, root.Password)
	write := func(c *testkit.Client) *testkit.Resp {
		return c.Post(t, "/api/system/user", map[string]any{
			"username": testkit.UniqueName("mt"), "password": "Passw0rd!x", "role": consts.RoleAgentAdmin})
	}
	write(two).Expect(t, http.StatusOK)

	one.Put(t, "/api/system/settings", map[string]any{"values": map[string]any{
		"maintenance.enabled": true, "maintenance.retryAfter": "7s"}}).Expect(t, http.StatusOK)
	t.Cleanup(func() {
		env.Admin(t).Put(t, "/api/system/settings", map[string]any{"values": map[string]any{
			"maintenance.enabled": nil, "maintenance.retryAfter": nil}}).Expect(t, http.StatusOK)
	})
	r := waitFor(t, 2*time.Second, func() (*testkit.Resp, bool) {
		r := write(two)
		return r, r.Status == http.StatusServiceUnavailable
	})
	if r.ErrorCode() != "MAINTENANCE" || r.Header.Get("Retry-After") != "7" {
		t.Fatalf("refusal: %s %s Retry-After=%q", r.ErrorCode(), r.Raw, r.Header.Get("Retry-After"))
	}
	// Node 1 applied its own change at once.
	write(one).Expect(t, http.StatusServiceUnavailable)
	// Refused before authentication: an anonymous write gets the same answer, not 401.
	anon := node2.Client().Post(t, "/api/system/user", map[string]any{}).Expect(t, http.StatusServiceUnavailable)
	if anon.ErrorCode() != "MAINTENANCE" {
		t.Fatalf("anonymous write: %s", anon.Raw)
	}
	// Reads, the exempt login and the maintenance state keep answering.
	two.Get(t, "/api/system/user/list").Expect(t, http.StatusOK)
	again := node2.Client().Login(t, root.Username, root.Password)
	var st struct {
		Enabled    bool  `json:"enabled"`
		RetryAfter int64 `json:"retryAfter"`
	}
	again.Get(t, "/api/system/maintenance").Expect(t, http.StatusOK).Decode(t, &st)
	if !st.Enabled || st.RetryAfter != 7 {
		t.Fatalf("maintenance state on node 2: %+v", st)
	}

	// Switched off through node 2 (the settings write is exempt), node 1 follows.
	two.Put(t, "/api/system/settings", map[string]any{"values": map[string]any{"maintenance.enabled": false}}).Expect(t, http.StatusOK)
	waitFor(t, 2*time.Second, func() (*testkit.Resp, bool) {
		r := write(one)
		return r, r.Status == http.StatusOK
	})
}

// waitFor retries try until it reports done, failing the test after limit.
func waitFor(t *testing.T, limit time.Duration, try func() (*testkit.Resp, bool)) *testkit.Resp {
	t.Helper()
	deadline := time.Now().Add(limit)
	for {
		r, done := try()
		if done {
			return r
		}
		if time.Now().After(deadline) {
			t.Fatalf("not reached within %s: %d %s", limit, r.Status, r.Raw)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
