package middleware_test

import (
	"net/http"
	"strings"
	"testing"

	"kami/internal/config"
	"kami/internal/testkit"
)

// Requests refused for want of authentication keep no body in the log, and past the per-IP
// limit they are answered 429 with Retry-After and leave no row each; another IP is not
// affected, and a logged-in caller from the limited IP still gets through.
func TestUnauthenticatedRefusalsAreLimitedAndKeepNoBody(t *testing.T) {
	env := testkit.Current()
	const limit = 3
	testkit.SetConfig(t, func(c *config.Config) { c.HTTP.UnauthenticatedPerMinute = limit })
	ip := randomIP()
	anon := env.Client()
	anon.Header.Set("X-Forwarded-For", ip)
	anon.Header.Set("User-Agent", testkit.UniqueName("anon-"))
	body := map[string]string{"note": strings.Repeat("filler ", 500)}
	for i := range limit + 3 {
		r := anon.Put(t, "/api/user/password", body)
		switch {
		case i < limit:
			if r.Status != 401 {
				t.Fatalf("request %d: HTTP %d, want 401: %s", i, r.Status, r.Raw)
			}
		case r.Status != 429 || r.ErrorCode() != "RATE_LIMITED" || r.Header.Get("Retry-After") == "":
			t.Fatalf("request %d: HTTP %d %v %s, want 429 with Retry-After", i, r.Status, r.Header, r.Raw)
		}
	}
	rows := opLogs(t, map[string]any{"user_agent": anon.Header.Get("User-Agent")})
	if len(rows) != limit {
		t.Fatalf("%d rows for %d refusals under the limit", len(rows), limit)
	}
	for _, row := range rows {
		if row.Request != "" || row.Status != 401 {
			t.Fatalf("a refused anonymous request kept its body: %+v", row)
		}
	}

	other := env.Client()
	other.Get(t, "/api/user/info").Expect(t, 401)

	su := env.Admin(t)
	su.Header.Set("X-Forwarded-For", ip)
	r := send(t, su, "GET", "/api/user/info", "", "", http.Header{})
	r.Expect(t, 200)
}
