package middleware_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"kami/internal/testkit"
)

// gf serves "OPTIONS + Access-Control-Request-Method: PUT" with the PUT handler; the probe
// disabled a user that way with no audit row. No OPTIONS may reach a handler, whatever the
// origin, the method asked for or the body sent.
func TestOptionsNeverRunsTheHandler(t *testing.T) {
	env := testkit.Current()
	su := env.Admin(t)
	target := agentAdmin(t)
	path := "/api/system/user/" + strconv.FormatInt(target.ID, 10) + "/status"
	testkit.SetSettings(t, map[string]any{"cors.allowedOrigins": []string{"https://panel.example"}})
	cases := []struct {
		name   string
		header http.Header
		status int
	}{
		{"preflight, no origin", http.Header{"Access-Control-Request-Method": {"PUT"}}, 403},
		{"preflight, other origin", http.Header{"Access-Control-Request-Method": {"PUT"}, "Origin": {"https://evil.example"}}, 403},
		{"preflight, allowed origin", http.Header{"Access-Control-Request-Method": {"PUT"}, "Origin": {"https://panel.example"}}, 204},
		{"bare OPTIONS", http.Header{}, 204},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := send(t, su, "OPTIONS", path, "application/json", `{"status":0}`, c.header)
			if r.Status != c.status || c.status == 204 && len(r.Raw) != 0 || c.status == 403 && r.ErrorCode() != "FORBIDDEN" {
				t.Fatalf("HTTP %d %s, want %d", r.Status, r.Raw, c.status)
			}
			if u := userByID(t, target.ID); u.Status != 1 {
				t.Fatalf("the handler ran: the user's status is %d", u.Status)
			}
		})
	}
	if rows := opLogs(t, map[string]any{"path": path}); len(rows) != 0 {
		t.Fatalf("an OPTIONS left operation-log rows: %+v", rows)
	}
}

// Preflights and actual requests get CORS headers only for a configured origin; the origins
// are read from the configuration on every request.
func TestCORSHeadersFollowConfiguredOrigins(t *testing.T) {
	env := testkit.Current()
	const origin = "https://panel.example"
	preflight := http.Header{
		"Origin": {origin}, "Access-Control-Request-Method": {"PUT"},
		"Access-Control-Request-Headers": {"authorization, content-type"},
	}
	cl := env.Client()

	// None configured (the default): no CORS headers at all.
	r := send(t, cl, "OPTIONS", "/api/user/info", "", "", preflight)
	if r.Status != 403 || r.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Fatalf("unconfigured origin: HTTP %d %v", r.Status, r.Header)
	}
	r = send(t, cl, "GET", "/api/user/info", "", "", http.Header{"Origin": {origin}})
	if r.Header.Get("Access-Control-Allow-Origin") != "" || !strings.Contains(strings.Join(r.Header.Values("Vary"), ","), "Origin") {
		t.Fatalf("unconfigured origin on an actual request: %v", r.Header)
	}

	testkit.SetSettings(t, map[string]any{"cors.allowedOrigins": []string{"https://PANEL.example/"}, "cors.maxAge": "5m"})
	r = send(t, cl, "OPTIONS", "/api/system/user/1/status", "", "", preflight)
	want := map[string]string{
		"Access-Control-Allow-Origin":      origin,
		"Access-Control-Allow-Credentials": "true",
		"Access-Control-Allow-Headers":     "authorization, content-type",
		"Access-Control-Max-Age":           "300",
	}
	if r.Status != 204 {
		t.Fatalf("allowed preflight: HTTP %d", r.Status)
	}
	for k, v := range want {
		if got := r.Header.Get(k); got != v {
			t.Errorf("%s = %q, want %q", k, got, v)
		}
	}
	if !strings.Contains(r.Header.Get("Access-Control-Allow-Methods"), "PUT") {
		t.Errorf("Allow-Methods %q", r.Header.Get("Access-Control-Allow-Methods"))
	}
	r = send(t, cl, "GET", "/api/user/info", "", "", http.Header{"Origin": {origin}})
	if r.Status != 401 || r.Header.Get("Access-Control-Allow-Origin") != origin ||
		r.Header.Get("Access-Control-Allow-Credentials") != "true" || !strings.Contains(strings.Join(r.Header.Values("Vary"), ","), "Origin") {
		t.Fatalf("allowed origin on an actual request: HTTP %d %v", r.Status, r.Header)
	}
	r = send(t, cl, "GET", "/api/user/info", "", "", http.Header{"Origin": {"https://panel.example.evil"}})
	if r.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Fatalf("a look-alike origin was allowed: %v", r.Header)
	}
}

// Allowed origins are exact: a wildcard or a path is refused when the operator saves it.
func TestCORSOriginsMustBeExact(t *testing.T) {
	admin := testkit.Current().Admin(t)
	for _, bad := range [][]string{{"*"}, {"https://*.example.com"}, {"https://panel.example/app"}, {"panel.example"}} {
		r := admin.Put(t, "/api/system/settings", map[string]any{"values": map[string]any{"cors.allowedOrigins": bad}}).Expect(t, 400)
		if r.ErrorCode() != "SETTING_INVALID" {
			t.Fatalf("%v: %s", bad, r.Raw)
		}
	}
}
