package relay_test

import (
	"fmt"
	"testing"

	"kami/internal/consts"
	"kami/internal/testkit"
)

type groupView struct {
	ID              int64  `json:"id"`
	Code            string `json:"code"`
	Ratio           string `json:"ratio"`
	AgentAssignable bool   `json:"agentAssignable"`
	UserCount       int    `json:"userCount"`
}

type groupList struct {
	Items []groupView `json:"items"`
	Total int         `json:"total"`
}

func TestGroupAdmin(t *testing.T) {
	env := testkit.Current()
	admin := env.Admin(t)
	code := testkit.UniqueName("vip")
	var gv, hidden groupView
	admin.Post(t, "/api/relay/groups", map[string]any{"code": code, "name": "VIP", "ratio": "0.8", "agentAssignable": true}).
		Expect(t, 200).Decode(t, &gv)
	admin.Post(t, "/api/relay/groups", map[string]any{"code": code + "h", "name": "Hidden", "ratio": "2"}).
		Expect(t, 200).Decode(t, &hidden)
	if gv.Ratio != "0.8" || !gv.AgentAssignable || gv.UserCount != 0 {
		t.Fatalf("created = %+v", gv)
	}
	if r := admin.Post(t, "/api/relay/groups", map[string]any{"code": code, "name": "dup"}); r.Status != 409 {
		t.Fatalf("duplicate code: %d", r.Status)
	}
	if r := admin.Post(t, "/api/relay/groups", map[string]any{"code": "bad code", "name": "x"}); r.Status != 400 {
		t.Fatalf("bad code: %d", r.Status)
	}
	if r := admin.Post(t, "/api/relay/groups", map[string]any{"code": code + "r", "name": "x", "ratio": "-1"}); r.Status != 400 {
		t.Fatalf("bad ratio: %d", r.Status)
	}

	aa := testkit.SeedUser(t, consts.RoleAgentAdmin, testkit.SuperAdmin(t))
	ag := testkit.SeedUser(t, consts.RoleAgent, aa)
	otherAA := testkit.SeedUser(t, consts.RoleAgentAdmin, testkit.SuperAdmin(t))
	stranger := testkit.SeedUser(t, consts.RoleAgent, otherAA)
	aac, agc := env.Login(t, aa), env.Login(t, ag)

	// The agent-admin reads the assignable groups only, and assigns them in its subtree only.
	var l groupList
	aac.Get(t, "/api/relay/groups/list?code="+code).Expect(t, 200).Decode(t, &l)
	if l.Total != 1 || l.Items[0].Code != code {
		t.Fatalf("agent-admin list = %+v", l)
	}
	userPath := fmt.Sprintf("/api/relay/users/%d/group", ag.ID)
	var ug struct {
		UserID int64  `json:"userId"`
		Group  string `json:"group"`
		Ratio  string `json:"ratio"`
	}
	aac.Put(t, userPath, map[string]any{"group": code}).Expect(t, 200).Decode(t, &ug)
	if ug.Group != code || ug.Ratio != "0.8" {
		t.Fatalf("assigned = %+v", ug)
	}
	if r := aac.Put(t, userPath, map[string]any{"group": code + "h"}); r.Status != 400 || r.ErrorCode() != "GROUP_UNKNOWN" {
		t.Fatalf("non-assignable group: %d %s", r.Status, r.Raw)
	}
	aac.Put(t, fmt.Sprintf("/api/relay/users/%d/group", stranger.ID), map[string]any{"group": code}).Expect(t, 404)
	aac.Get(t, fmt.Sprintf("/api/relay/users/%d/group", stranger.ID)).Expect(t, 404)
	if r := aac.Post(t, "/api/relay/groups", map[string]any{"code": code + "x", "name": "x"}); r.Status != 403 {
		t.Fatalf("agent-admin creates a group: %d", r.Status)
	}

	// The agent reads its own group, nobody else's, and changes nothing.
	agc.Get(t, userPath).Expect(t, 200).Decode(t, &ug)
	if ug.Group != code {
		t.Fatalf("own group = %+v", ug)
	}
	agc.Get(t, fmt.Sprintf("/api/relay/users/%d/group", aa.ID)).Expect(t, 404)
	agc.Get(t, "/api/relay/groups/list").Expect(t, 200).Decode(t, &l)
	if l.Total != 1 || l.Items[0].Code != code || l.Items[0].UserCount != 1 {
		t.Fatalf("agent list = %+v", l)
	}
	if r := agc.Put(t, userPath, map[string]any{"group": "default"}); r.Status != 403 {
		t.Fatalf("agent assigns: %d", r.Status)
	}
	if r := env.Client().Get(t, "/api/relay/groups/list"); r.Status != 401 {
		t.Fatalf("anonymous: %d", r.Status)
	}

	// In use (a user, then a channel) → GROUP_IN_USE; default never; a free group deletes.
	gpath := fmt.Sprintf("/api/relay/groups/%d", gv.ID)
	if r := admin.Delete(t, gpath); r.Status != 409 || r.ErrorCode() != "GROUP_IN_USE" {
		t.Fatalf("delete with a user: %d %s", r.Status, r.Raw)
	}
	admin.Put(t, userPath, map[string]any{"group": "default"}).Expect(t, 200)
	m := testkit.UniqueName("gpt-")
	seedPrice(t, m, "1", "1")
	ch := createChannel(t, admin, map[string]any{"name": "g-" + m, "baseUrl": "http://127.0.0.1:1/v1", "models": []string{m},
		"groups": []string{code}, "keys": []string{"sk-groupKeygroupKey01"}})
	if r := admin.Delete(t, gpath); r.Status != 409 || r.ErrorCode() != "GROUP_IN_USE" {
		t.Fatalf("delete with a channel: %d %s", r.Status, r.Raw)
	}
	admin.Delete(t, fmt.Sprintf("/api/relay/channels/%d", ch.ID)).Expect(t, 200)
	admin.Put(t, gpath, map[string]any{"name": "VIP2", "ratio": "0.5", "agentAssignable": true}).Expect(t, 200).Decode(t, &gv)
	if gv.Ratio != "0.5" {
		t.Fatalf("updated = %+v", gv)
	}
	admin.Delete(t, gpath).Expect(t, 200)
	admin.Delete(t, gpath).Expect(t, 404)
	admin.Get(t, "/api/relay/groups/list?code=default").Expect(t, 200).Decode(t, &l)
	if len(l.Items) == 0 {
		t.Fatal("no default group")
	}
	if r := admin.Delete(t, fmt.Sprintf("/api/relay/groups/%d", l.Items[0].ID)); r.Status != 409 || r.ErrorCode() != "GROUP_IN_USE" {
		t.Fatalf("delete default: %d %s", r.Status, r.Raw)
	}
}
