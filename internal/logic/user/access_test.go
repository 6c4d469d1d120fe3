package user_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"testing"

	"kami/internal/dao"
	"kami/internal/testkit"
)

// endpoint is one user-management route, called on target by a client; role is what the
// create route asks for.
type endpoint struct {
	name string
	call func(t *testing.T, cl *testkit.Client, target int64, role string) *testkit.Resp
}

var endpoints = []endpoint{
	{"list", func(t *testing.T, cl *testkit.Client, _ int64, _ string) *testkit.Resp {
		return cl.Get(t, "/api/system/user/list")
	}},
	{"detail", func(t *testing.T, cl *testkit.Client, id int64, _ string) *testkit.Resp {
		return cl.Get(t, userPath(id, ""))
	}},
	{"create", func(t *testing.T, cl *testkit.Client, _ int64, role string) *testkit.Resp {
		return cl.Post(t, "/api/system/user", map[string]string{"username": testkit.UniqueName("m"), "password": initialPass, "role": role})
	}},
	{"update", func(t *testing.T, cl *testkit.Client, id int64, _ string) *testkit.Resp {
		return cl.Put(t, userPath(id, ""), map[string]string{"remark": "matrix"})
	}},
	{"status", func(t *testing.T, cl *testkit.Client, id int64, _ string) *testkit.Resp {
		return cl.Put(t, userPath(id, "/status"), map[string]int{"status": 0})
	}},
	{"password", func(t *testing.T, cl *testkit.Client, id int64, _ string) *testkit.Resp {
		return cl.Put(t, userPath(id, "/password"), map[string]string{"password": "Reset-Pass-77"})
	}},
}

// TestAccessMatrix: the super-admin and agent-admins may use every user-management route on
// users below them; agents may use none (RBAC answers 403 FORBIDDEN).
func TestAccessMatrix(t *testing.T) {
	su := admin(t)
	aa := create(t, su, "agent-admin", nil)
	ag := create(t, aa.Client, "agent", nil) // needs RBAC to grant agent-admin the route
	roles := []struct {
		role   string
		cl     *testkit.Client
		child  string                   // the role it asks the create route for
		target func(t *testing.T) int64 // a fresh user this role manages (or, for the agent, a sibling)
		want   int
	}{
		{"super-admin", su, "agent-admin", func(t *testing.T) int64 { return createItem(t, su, "agent-admin", nil).ID }, 200},
		{"agent-admin", aa.Client, "agent", func(t *testing.T) int64 { return createItem(t, aa.Client, "agent", nil).ID }, 200},
		{"agent", ag.Client, "agent", func(t *testing.T) int64 { return createItem(t, aa.Client, "agent", nil).ID }, 403},
	}
	for _, r := range roles {
		for _, ep := range endpoints {
			t.Run(r.role+"/"+ep.name, func(t *testing.T) {
				resp := ep.call(t, r.cl, r.target(t), r.child)
				if r.want == 200 {
					resp.Expect(t, 200)
					return
				}
				expectError(t, resp, r.want, "FORBIDDEN")
			})
		}
	}
}

// TestAgentAdminScope: an agent-admin sees and edits only its own subtree.
func TestAgentAdminScope(t *testing.T) {
	su := admin(t)
	a1 := create(t, su, "agent-admin", nil)
	a2 := create(t, su, "agent-admin", nil)
	x1 := createItem(t, a1.Client, "agent", nil) // needs RBAC to grant agent-admin the route
	x2 := createItem(t, a2.Client, "agent", nil)

	var l userList
	a1.Client.Get(t, "/api/system/user/list?pageSize=100").Expect(t, 200).Decode(t, &l)
	seen := map[int64]bool{}
	for _, it := range l.Items {
		seen[it.ID] = true
	}
	if !seen[x1.ID] || !seen[a1.ID] || seen[x2.ID] || seen[a2.ID] || seen[adminID(t)] || l.Total != len(l.Items) {
		t.Fatalf("a1's list must hold exactly its subtree: %+v", l)
	}
	// Filters cannot widen the scope.
	a1.Client.Get(t, fmt.Sprintf("/api/system/user/list?parentId=%d", a2.ID)).Expect(t, 200).Decode(t, &l)
	if l.Total != 0 || len(l.Items) != 0 {
		t.Fatalf("a1 listed a2's children: %+v", l)
	}

	a1.Client.Get(t, userPath(x1.ID, "")).Expect(t, 200)
	// Outside the scope and not existing look the same, body for body, on every single-row
	// route: probing ids reveals nothing about other subtrees.
	for _, ep := range endpoints[1:] {
		if ep.name == "create" {
			continue
		}
		t.Run("other agent-admin's agent/"+ep.name, func(t *testing.T) {
			out := ep.call(t, a1.Client, x2.ID, "")
			expectError(t, out, 404, "NOT_FOUND")
			missing := ep.call(t, a1.Client, 1<<40, "")
			expectError(t, missing, 404, "NOT_FOUND")
			if !bytes.Equal(out.Raw, missing.Raw) {
				t.Fatalf("out of scope and missing differ:\n%s\n%s", out.Raw, missing.Raw)
			}
		})
	}
	var still userItem
	su.Get(t, userPath(x2.ID, "")).Expect(t, 200).Decode(t, &still)
	if still.Status != 1 || still.Remark != "" {
		t.Fatalf("a refused edit changed x2: %+v", still)
	}
	// The other agent's own session still works: the refused password reset revoked nothing.
	loginResp(t, x2.Username, initialPass).Expect(t, 200)
}

// TestNoSelfOrPeerManagement: status and password of oneself, a peer or a superior are off
// limits even where the data scope would allow it.
func TestNoSelfOrPeerManagement(t *testing.T) {
	su := admin(t)
	a1 := create(t, su, "agent-admin", nil)
	a2 := create(t, su, "agent-admin", nil)
	cases := []struct {
		name   string
		cl     *testkit.Client
		target int64
		status int
		code   string
	}{
		{"super-admin itself", su, adminID(t), 403, "FORBIDDEN"},
		{"agent-admin itself", a1.Client, a1.ID, 403, "FORBIDDEN"},
		{"agent-admin the super-admin", a1.Client, adminID(t), 404, "NOT_FOUND"},
		{"agent-admin another agent-admin", a1.Client, a2.ID, 404, "NOT_FOUND"},
	}
	for _, c := range cases {
		bodies := map[string]any{"/status": map[string]any{"status": 0}, "/password": map[string]any{"password": "Other-Pass-42"}}
		for ep, body := range bodies {
			t.Run(c.name+ep, func(t *testing.T) {
				expectError(t, c.cl.Do(t, http.MethodPut, userPath(c.target, ep), body), c.status, c.code)
			})
		}
	}

	// Put a2 inside a1's subtree by hand, as a corrupted or future hierarchy might: the
	// role-level rule still stops a1 from disabling or resetting a peer agent-admin.
	ctx := context.Background()
	var a1Path string
	v, err := dao.Users.Ctx(ctx).WherePri(a1.ID).Value("path")
	if err != nil {
		t.Fatal(err)
	}
	a1Path = v.String()
	if _, err = dao.Users.Ctx(ctx).WherePri(a2.ID).Data("path", fmt.Sprintf("%s%d/", a1Path, a2.ID)).Update(); err != nil {
		t.Fatal(err)
	}
	a1.Client.Get(t, userPath(a2.ID, "")).Expect(t, 200) // now in scope: reading is allowed
	expectError(t, a1.Client.Put(t, userPath(a2.ID, "/status"), map[string]int{"status": 0}), 403, "FORBIDDEN")
	expectError(t, a1.Client.Put(t, userPath(a2.ID, "/password"), map[string]string{"password": "Other-Pass-42"}), 403, "FORBIDDEN")
	expectError(t, a1.Client.Put(t, userPath(a2.ID, ""), map[string]string{"remark": "x"}), 403, "FORBIDDEN")
	a2.Client.Get(t, "/api/user/info").Expect(t, 200)

	// Editing one's own profile is allowed (the panel has no other place to set one's email).
	var me userItem
	su.Put(t, userPath(adminID(t), ""), map[string]string{"realName": "Administrator"}).Expect(t, 200).Decode(t, &me)
	if me.RealName != "Administrator" {
		t.Fatalf("own profile: %+v", me)
	}
}
