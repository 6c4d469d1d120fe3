package proxy_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"kami/internal/adapter/ipipv"
	"kami/internal/logic/proxy"
)

func TestDraws(t *testing.T) {
	w := newWorld(t)
	f := withFake(t, w)
	w.Admin.C.RunJob(t, proxy.JobProductSync)
	other := login(t, testkitSeedAgent(t))
	var u proxyUser
	w.Agent.C.Post(t, "/api/proxy/users", map[string]any{"username": "draw01"}).Expect(t, http.StatusOK).Decode(t, &u)

	// API draw on DYN105 (drawType 1) uses the main account; free (no quota needed).
	var api struct {
		Urls []string `json:"urls"`
	}
	w.Agent.C.Post(t, "/api/proxy/draw/api", map[string]any{"productNo": "DYN105", "num": 3, "protocol": "http"}).
		Expect(t, http.StatusOK).Decode(t, &api)
	calls := callsTo(f, ipipv.PathDrawAPI)
	var sent ipipv.DrawRequest
	_ = json.Unmarshal(calls[len(calls)-1].Params, &sent)
	if len(api.Urls) != 3 || sent.AppUsername != fmt.Sprintf("kami_%d", w.Agent.ID) || sent.ProxyType != 105 {
		t.Fatalf("urls %v, sent %+v", api.Urls, sent)
	}
	// Pwd draw on DYN104 (drawType 3) for the caller's own user, sessTime as a string.
	var pwd struct {
		Items []struct {
			ProxyUrl string   `json:"proxyUrl"`
			List     []string `json:"list"`
		} `json:"items"`
	}
	w.Agent.C.Post(t, "/api/proxy/draw/pwd", map[string]any{"userId": u.Id, "productNo": "DYN104", "num": 2, "sessTime": 10}).
		Expect(t, http.StatusOK).Decode(t, &pwd)
	calls = callsTo(f, ipipv.PathDrawPwd)
	_ = json.Unmarshal(calls[len(calls)-1].Params, &sent)
	if len(pwd.Items) != 2 || len(pwd.Items[0].List) != 1 || sent.AppUsername != u.AppUsername || sent.SessTime != "10" {
		t.Fatalf("items %+v, sent %+v", pwd, sent)
	}
	before := len(f.Calls())
	cases := []struct {
		name   string
		who    member
		path   string
		body   map[string]any
		status int
		reason string
	}{
		{"pwd on an api-only product", w.Agent, "/api/proxy/draw/pwd", map[string]any{"userId": u.Id, "productNo": "DYN105", "num": 1, "sessTime": 5}, 400, "CAPABILITY_UNSUPPORTED"},
		{"api on a static product", w.Agent, "/api/proxy/draw/api", map[string]any{"productNo": "ST101", "num": 1}, 400, "CAPABILITY_UNSUPPORTED"},
		{"another agent's user", other, "/api/proxy/draw/pwd", map[string]any{"userId": u.Id, "productNo": "DYN104", "num": 1, "sessTime": 5}, 404, "NOT_FOUND"},
		{"unknown product", w.Agent, "/api/proxy/draw/api", map[string]any{"productNo": "NOPE", "num": 1}, 404, "NOT_FOUND"},
		{"num above 100", w.Agent, "/api/proxy/draw/api", map[string]any{"productNo": "DYN105", "num": 101}, 400, ""},
		{"sessTime above 120", w.Agent, "/api/proxy/draw/pwd", map[string]any{"userId": u.Id, "productNo": "DYN104", "num": 1, "sessTime": 121}, 400, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := tc.who.C.Post(t, tc.path, tc.body).Expect(t, tc.status)
			if tc.reason != "" && r.ErrorCode() != tc.reason {
				t.Fatalf("reason %q", r.ErrorCode())
			}
		})
	}
	if len(f.Calls()) != before {
		t.Fatal("a refused draw must not reach the upstream")
	}
}
