package middleware_test

import (
	"testing"
	"time"

	"kami/internal/config"
	"kami/internal/testkit"
)

// A body shorter than its Content-Length used to make gf panic in the handler's parsing (500),
// and a stalled one waited for the 60 s read timeout first. The connection ending early is
// 400 at once; a body still incomplete at kami.http.readTimeout is 408. Both in the envelope,
// both on a public route and on a checked one.
func TestIncompleteBodies(t *testing.T) {
	env := testkit.Current()
	su := env.Admin(t)
	routes := []struct {
		name   string
		path   string
		header map[string]string
	}{
		{"public", "/api/auth/login", map[string]string{}},
		{"checked", "/api/system/user", map[string]string{"Authorization": "Bearer " + su.Token}},
	}
	for _, rt := range routes {
		t.Run(rt.name+", connection half-closed", func(t *testing.T) {
			c := dial(t)
			h := map[string]string{"Content-Type": "application/json", "X-Forwarded-For": randomIP()}
			for k, v := range rt.header {
				h[k] = v
			}
			if _, err := c.Write([]byte(rawRequest("POST", rt.path, h, `{"username":`, 100))); err != nil {
				t.Fatal(err)
			}
			if err := c.CloseWrite(); err != nil {
				t.Fatal(err)
			}
			r := readResponse(t, c)
			if r.Status != 400 || r.ErrorCode() != "INVALID_INPUT" {
				t.Fatalf("HTTP %d %s, want 400 INVALID_INPUT", r.Status, r.Raw)
			}
		})
		t.Run(rt.name+", body stalls", func(t *testing.T) {
			testkit.SetConfig(t, func(c *config.Config) { c.HTTP.ReadTimeout = 200 * time.Millisecond })
			c := dial(t)
			h := map[string]string{"Content-Type": "application/json", "X-Forwarded-For": randomIP()}
			for k, v := range rt.header {
				h[k] = v
			}
			if _, err := c.Write([]byte(rawRequest("POST", rt.path, h, `{"username":`, 100))); err != nil {
				t.Fatal(err)
			}
			// The connection stays open and silent; the server must answer on its own.
			r := readResponse(t, c)
			if r.Status != 408 || r.ErrorCode() != "REQUEST_TIMEOUT" {
				t.Fatalf("HTTP %d %s, want 408 REQUEST_TIMEOUT", r.Status, r.Raw)
			}
		})
	}
}
