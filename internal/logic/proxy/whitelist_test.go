package proxy_test

import (
	"fmt"
	"net/http"
	"testing"

	"kami/internal/adapter/ipipv"
	"kami/internal/logic/proxy"
)

type wlList struct {
	Items []struct {
		Id int64  `json:"id"`
		Ip string `json:"ip"`
	} `json:"items"`
	Total int `json:"total"`
}

func TestWhitelistMirrorsUpstream(t *testing.T) {
	w := newWorld(t)
	f := withFake(t, w)
	w.Admin.C.RunJob(t, proxy.JobProductSync)
	other := login(t, testkitSeedAgent(t))

	var l wlList
	w.Agent.C.Post(t, "/api/proxy/whitelist", map[string]any{"productNo": "DYN104", "ip": "1.2.3.4"}).Expect(t, http.StatusOK).Decode(t, &l)
	w.Agent.C.Post(t, "/api/proxy/whitelist", map[string]any{"productNo": "DYN104", "ip": "2001:db8::1"}).Expect(t, http.StatusOK).Decode(t, &l)
	if l.Total != 2 || len(callsTo(f, ipipv.PathWhitelistAdd)) != 2 {
		t.Fatalf("after two adds %+v", l)
	}
	// Someone changed the set at the upstream: the next answer replaces the local mirror.
	f.Fault(ipipv.PathWhitelistAdd, ipipv.Code(500, "busy"))
	if r := w.Agent.C.Post(t, "/api/proxy/whitelist", map[string]any{"productNo": "DYN104", "ip": "5.6.7.8"}).
		Expect(t, http.StatusConflict); r.ErrorCode() != "UPSTREAM_REJECTED" {
		t.Fatalf("reason %q", r.ErrorCode())
	}
	w.Agent.C.Get(t, "/api/proxy/whitelist/list").Expect(t, http.StatusOK).Decode(t, &l)
	if l.Total != 2 {
		t.Fatalf("a rejected add changes nothing locally: %+v", l)
	}
	del, gone := fmt.Sprintf("/api/proxy/whitelist/%d", l.Items[0].Id), l.Items[0].Ip
	other.C.Delete(t, del).Expect(t, http.StatusNotFound)
	w.Agent.C.Delete(t, del).Expect(t, http.StatusOK).Decode(t, &l)
	if l.Total != 1 || l.Items[0].Ip == gone {
		t.Fatalf("after delete %+v", l)
	}
	w.Boss.C.Get(t, "/api/proxy/whitelist/list").Expect(t, http.StatusOK).Decode(t, &l)
	if l.Total != 1 {
		t.Fatalf("the agent-admin sees its subtree: %+v", l)
	}
	other.C.Get(t, "/api/proxy/whitelist/list").Expect(t, http.StatusOK).Decode(t, &l)
	if l.Total != 0 {
		t.Fatalf("another agent sees none: %+v", l)
	}
	calls := len(f.Calls())
	for _, tc := range []struct {
		body   map[string]any
		status int
		reason string
	}{
		{map[string]any{"productNo": "DYN105", "ip": "1.1.1.1"}, 400, "CAPABILITY_UNSUPPORTED"},
		{map[string]any{"productNo": "DYN104", "ip": "not-an-ip"}, 400, ""},
		{map[string]any{"productNo": "NOPE", "ip": "1.1.1.1"}, 404, "NOT_FOUND"},
	} {
		r := w.Agent.C.Post(t, "/api/proxy/whitelist", tc.body).Expect(t, tc.status)
		if tc.reason != "" && r.ErrorCode() != tc.reason {
			t.Fatalf("%v: reason %q", tc.body, r.ErrorCode())
		}
	}
	if len(f.Calls()) != calls {
		t.Fatal("a refused change must not reach the upstream")
	}
	// At most 20 per agent and product.
	for i := 0; i < 19; i++ {
		w.Agent.C.Post(t, "/api/proxy/whitelist", map[string]any{"productNo": "DYN104", "ip": fmt.Sprintf("9.9.9.%d", i)}).Expect(t, http.StatusOK)
	}
	w.Agent.C.Post(t, "/api/proxy/whitelist", map[string]any{"productNo": "DYN104", "ip": "8.8.8.8"}).Expect(t, http.StatusConflict)
}
