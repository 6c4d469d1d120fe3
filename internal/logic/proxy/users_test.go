package proxy_test

import (
	"fmt"
	"net/http"
	"testing"

	"kami/internal/adapter/ipipv"
)

type proxyUser struct {
	Id          int64   `json:"id"`
	AgentId     int64   `json:"agentId"`
	Username    string  `json:"username"`
	AppUsername string  `json:"appUsername"`
	Status      int     `json:"status"`
	Remark      string  `json:"remark"`
	FlowLimit   int64   `json:"flowLimit"`
	Password    *string `json:"password"`
}

func callsTo(f *ipipv.Fake, path string) []ipipv.FakeCall {
	var out []ipipv.FakeCall
	for _, c := range f.Calls() {
		if c.Path == path {
			out = append(out, c)
		}
	}
	return out
}

func TestProxyUsers(t *testing.T) {
	w := newWorld(t)
	f := withFake(t, w)
	other := login(t, testkitSeedAgent(t))

	var u proxyUser
	w.Agent.C.Post(t, "/api/proxy/users", map[string]any{"username": "alice1", "remark": "r"}).
		Expect(t, http.StatusOK).Decode(t, &u)
	if u.AppUsername != "kami_alice1" || u.Status != 1 || u.FlowLimit != -1 || u.Password == nil || len(*u.Password) != 16 {
		t.Fatalf("created %+v", u)
	}
	if len(callsTo(f, ipipv.PathUser)) != 1 || len(callsTo(f, ipipv.PathProxyUser)) != 1 {
		t.Fatal("the main account is ensured, then the proxy user created upstream")
	}
	// A second user reuses the recorded main account.
	w.Agent.C.Post(t, "/api/proxy/users", map[string]any{"username": "bob22", "password": "Passw0rdXY"}).Expect(t, http.StatusOK)
	if len(callsTo(f, ipipv.PathUser)) != 1 {
		t.Fatal("user/v2 once per agent")
	}
	cases := []struct {
		name   string
		who    member
		body   map[string]any
		status int
		reason string
	}{
		{"taken name", other, map[string]any{"username": "alice1"}, 409, "NAME_TAKEN"},
		{"digit first", w.Agent, map[string]any{"username": "1abc"}, 400, ""},
		{"short password", w.Agent, map[string]any{"username": "carol", "password": "short"}, 400, ""},
		{"long remark", w.Agent, map[string]any{"username": "carol", "remark": string(make([]byte, 101))}, 400, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := tc.who.C.Post(t, "/api/proxy/users", tc.body).Expect(t, tc.status)
			if tc.reason != "" && r.ErrorCode() != tc.reason {
				t.Fatalf("reason %q", r.ErrorCode())
			}
		})
	}
	// Scope: the owner and its agent-admin see it, another agent gets 404; the list is scoped.
	path := fmt.Sprintf("/api/proxy/users/%d", u.Id)
	w.Boss.C.Get(t, path).Expect(t, http.StatusOK)
	other.C.Get(t, path).Expect(t, http.StatusNotFound)
	other.C.Put(t, path, map[string]any{"remark": "x"}).Expect(t, http.StatusNotFound)
	other.C.Get(t, path+"/limits").Expect(t, http.StatusNotFound)
	var list struct {
		Items []proxyUser `json:"items"`
		Total int         `json:"total"`
	}
	w.Boss.C.Get(t, "/api/proxy/users/list").Expect(t, http.StatusOK).Decode(t, &list)
	if list.Total != 2 || list.Items[0].Password != nil {
		t.Fatalf("the agent-admin sees its subtree's users, no passwords in lists: %+v", list)
	}
	other.C.Get(t, "/api/proxy/users/list").Expect(t, http.StatusOK).Decode(t, &list)
	if list.Total != 0 {
		t.Fatalf("another agent sees none: %+v", list)
	}
	// Update goes upstream first with the new password and status.
	var got proxyUser
	w.Agent.C.Put(t, path, map[string]any{"password": "NewPass1234", "status": 2, "remark": "off"}).
		Expect(t, http.StatusOK).Decode(t, &got)
	if got.Status != 2 || got.Remark != "off" || *got.Password != "NewPass1234" {
		t.Fatalf("updated %+v", got)
	}
	if n := len(callsTo(f, ipipv.PathProxyUser)); n != 3 {
		t.Fatalf("proxy/user/v2 calls %d, want 3", n)
	}
	w.Agent.C.Put(t, path, map[string]any{"status": 3}).Expect(t, http.StatusBadRequest)

	// Limits: a dynamic product with the capability is pushed at once; others refused.
	w.Admin.C.RunJob(t, "proxy.product_sync")
	var l struct {
		ProductNo  string `json:"productNo"`
		LimitBytes int64  `json:"limitBytes"`
		Pushed     bool   `json:"pushed"`
	}
	w.Agent.C.Put(t, path+"/limits", map[string]any{"productNo": "DYN104", "limitBytes": 5 << 30}).
		Expect(t, http.StatusOK).Decode(t, &l)
	if v, ok := f.Limit("kami_alice1", "DYN104"); !ok || v != 5<<30 || !l.Pushed {
		t.Fatalf("limit pushed %v %d, view %+v", ok, v, l)
	}
	for _, p := range []string{"DYN105", "ST101"} {
		if r := w.Agent.C.Put(t, path+"/limits", map[string]any{"productNo": p, "limitBytes": 1}).
			Expect(t, http.StatusBadRequest); r.ErrorCode() != "CAPABILITY_UNSUPPORTED" {
			t.Fatalf("%s: %q", p, r.ErrorCode())
		}
	}
	// A failed push stays pending and proxy.limit_push delivers it.
	f.Fault(ipipv.PathFlowLimit, ipipv.Code(500, "busy"))
	w.Agent.C.Put(t, path+"/limits", map[string]any{"productNo": "DYN104", "limitBytes": 7}).
		Expect(t, http.StatusOK).Decode(t, &l)
	if l.Pushed {
		t.Fatal("a rejected push is not marked pushed")
	}
	w.Admin.C.RunJob(t, "proxy.limit_push")
	if v, _ := f.Limit("kami_alice1", "DYN104"); v != 7 {
		t.Fatalf("limit_push delivered %d", v)
	}
}
