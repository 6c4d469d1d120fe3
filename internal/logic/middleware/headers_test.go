package middleware_test

import (
	"testing"

	"kami/internal/testkit"
)

// Every answer is nosniff and names no server software; every /api answer, tokens included,
// is no-store.
func TestSecurityHeaders(t *testing.T) {
	env := testkit.Current()
	cl := env.Client()
	login := cl.Post(t, "/api/auth/login", map[string]string{"username": "admin", "password": testkit.AdminPassword}).Expect(t, 200)
	cases := []struct {
		name    string
		resp    *testkit.Resp
		noStore bool
	}{
		{"token answer", login, true},
		{"refused", env.Client().Get(t, "/api/user/info").Expect(t, 401), true},
		{"unknown /api path", env.Client().Get(t, "/api/no/such/thing").Expect(t, 404), true},
		{"platform", env.Client().Get(t, "/healthz").Expect(t, 200), false},
		// Outside the reserved prefixes a path is the panel's client route (index.html), and a
		// missing asset is a plain 404: both carry the headers.
		{"panel client route", env.Client().Get(t, "/no/such/thing").Expect(t, 200), false},
		{"unknown asset", env.Client().Get(t, "/assets/no-such-file.js").Expect(t, 404), false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := c.resp.Header
			if h.Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("X-Content-Type-Options %q", h.Get("X-Content-Type-Options"))
			}
			if s := h.Get("Server"); s != "" {
				t.Errorf("Server header %q", s)
			}
			if c.noStore && h.Get("Cache-Control") != "no-store" {
				t.Errorf("Cache-Control %q", h.Get("Cache-Control"))
			}
		})
	}
}
