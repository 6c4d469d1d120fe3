package proxy_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"kami/internal/adapter/ipipv"
	"kami/internal/dao"
)

type settingsView struct {
	BaseUrl      string `json:"baseUrl"`
	AppKey       string `json:"appKey"`
	AppSecretSet bool   `json:"appSecretSet"`
	CallbackPath string `json:"callbackPath"`
	Rps          int64  `json:"rps"`
}

func TestSettingsNeverEchoTheSecret(t *testing.T) {
	w := newWorld(t)
	f := withFake(t, w)
	r := w.Admin.C.Get(t, "/api/proxy/settings").Expect(t, http.StatusOK)
	if strings.Contains(string(r.Raw), fakeSecret) {
		t.Fatalf("GET echoes the secret: %s", r.Raw)
	}
	var v settingsView
	r.Decode(t, &v)
	if !v.AppSecretSet || v.BaseUrl != f.URL() || v.AppKey != fakeKey || len(v.CallbackPath) != len("/api/proxy/callback/")+32 {
		t.Fatalf("view %+v", v)
	}
	if all := w.Admin.C.Get(t, "/api/system/settings").Expect(t, http.StatusOK); strings.Contains(string(all.Raw), fakeSecret) {
		t.Fatal("the core settings page shows the secret")
	}
	cases := []struct {
		name   string
		who    member
		body   map[string]any
		status int
		reason string
	}{
		{"15-byte secret", w.Admin, map[string]any{"appSecret": strings.Repeat("a", 15)}, 400, ""},
		{"relative base URL", w.Admin, map[string]any{"baseUrl": "/x"}, 400, ""},
		{"base URL with a query", w.Admin, map[string]any{"baseUrl": "http://127.0.0.1/?a=1"}, 400, ""},
		{"bad prefix", w.Admin, map[string]any{"accountPrefix": "Kami1"}, 400, ""},
		{"bad CIDR", w.Admin, map[string]any{"callbackAllowIps": []string{"nope"}}, 400, ""},
		{"agent-admin", w.Boss, map[string]any{"rps": 5}, 403, ""},
		{"agent", w.Agent, map[string]any{"rps": 5}, 403, ""},
		{"subset", w.Admin, map[string]any{"rps": 7}, 200, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tc.who.C.Put(t, "/api/proxy/settings", tc.body).Expect(t, tc.status)
		})
	}
	w.Admin.C.Get(t, "/api/proxy/settings").Expect(t, http.StatusOK).Decode(t, &v)
	if v.Rps != 7 || !v.AppSecretSet || v.BaseUrl != f.URL() {
		t.Fatalf("a subset PUT must leave the rest: %+v", v)
	}
	w.Agent.C.Get(t, "/api/proxy/settings").Expect(t, http.StatusForbidden)
	old := v.CallbackPath
	w.Admin.C.Post(t, "/api/proxy/settings/callback-token", nil).Expect(t, http.StatusOK).Decode(t, &v)
	if v.CallbackPath == old {
		t.Fatal("rotating must change the callback path")
	}
}

func TestProbeFollowsBaseURLChange(t *testing.T) {
	w := newWorld(t)
	first := withFake(t, w)
	var res struct {
		AppName string `json:"appName"`
		Coin    int64  `json:"coin"`
	}
	w.Admin.C.Post(t, "/api/proxy/settings/test", nil).Expect(t, http.StatusOK).Decode(t, &res)
	if res.AppName != "fake" || res.Coin != first.Coin() {
		t.Fatalf("probe %+v", res)
	}
	second := withFake(t, w) // a new base URL, no restart
	w.Admin.C.Post(t, "/api/proxy/settings/test", nil).Expect(t, http.StatusOK)
	if len(second.Calls()) != 1 || len(first.Calls()) != 1 {
		t.Fatalf("the client must follow the new baseUrl: first %d calls, second %d", len(first.Calls()), len(second.Calls()))
	}
	// Every call is in proxy_call_log under its reqId.
	n, err := dao.ProxyCallLog.Ctx(context.Background()).Where("req_id", second.Calls()[0].ReqID).
		Where("path", ipipv.PathInfo).Where("code", 200).Where("http_status", 200).Count()
	if err != nil || n != 1 {
		t.Fatalf("call log rows %d, %v", n, err)
	}
	// Unconfigured → 503 UPSTREAM_NOT_CONFIGURED.
	w.Admin.C.Put(t, "/api/proxy/settings", map[string]any{"appKey": ""}).Expect(t, http.StatusOK)
	r := w.Admin.C.Post(t, "/api/proxy/settings/test", nil).Expect(t, http.StatusServiceUnavailable)
	if r.ErrorCode() != "UPSTREAM_NOT_CONFIGURED" {
		t.Fatalf("reason %q", r.ErrorCode())
	}
}
