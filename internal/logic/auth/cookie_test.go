package auth_test

import (
	"net/http"
	"testing"

	"kami/internal/config"
	"kami/internal/testkit"
)

// The refresh cookie is httpOnly, SameSite=Strict and scoped to /api/auth; it is Secure when
// the browser used https (directly, per a trusted proxy's X-Forwarded-Proto, or because the
// public URL is https) and not on plain HTTP, so `make run` keeps working. Login, refresh and
// logout (which clears it under the same path) all agree.
func TestRefreshCookieAttributes(t *testing.T) {
	env := testkit.Current()
	untrusting := env.StartNode(t, "KAMI_TRUSTED_PROXIES=")
	cases := []struct {
		name   string
		base   string
		proto  string
		edit   func(c *config.Config)
		secure bool
	}{
		{"plain http", env.BaseURL, "", nil, false},
		{"https from a trusted proxy", env.BaseURL, "https", nil, true},
		{"http from a trusted proxy", env.BaseURL, "http", nil, false},
		{"https claimed by an untrusted peer", untrusting.BaseURL, "https", nil, false},
		{"https public url", env.BaseURL, "", func(c *config.Config) { c.PublicURL = "https://panel.example.test" }, true},
		{"forced by cookieSecure", env.BaseURL, "", func(c *config.Config) { c.Auth.CookieSecure = true }, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.edit != nil {
				testkit.SetConfig(t, c.edit)
			}
			cl := testkit.NewClient(c.base)
			if c.proto != "" {
				cl.Header.Set("X-Forwarded-Proto", c.proto)
			}
			check := func(step string, r *testkit.Resp, clearing bool) {
				t.Helper()
				ck := setCookie(t, r)
				if ck.Path != "/api/auth" || !ck.HttpOnly || ck.SameSite != http.SameSiteStrictMode || ck.Secure != c.secure {
					t.Errorf("%s: Set-Cookie %q: want Path=/api/auth HttpOnly SameSite=Strict Secure=%v", step, r.Header.Values("Set-Cookie"), c.secure)
				}
				if clearing != (ck.MaxAge < 0) || clearing != (ck.Value == "") {
					t.Errorf("%s: Set-Cookie %q: clearing=%v", step, r.Header.Values("Set-Cookie"), clearing)
				}
			}
			r := cl.Post(t, "/api/auth/login", map[string]string{"username": "admin", "password": testkit.AdminPassword}).Expect(t, 200)
			check("login", r, false)
			var login struct {
				AccessToken string `json:"accessToken"`
			}
			r.Decode(t, &login)
			// A Secure cookie is not sent back over plain HTTP by a browser, nor by the jar; the
			// test hands it on explicitly, as the browser would over https.
			next := withCookie(t, c.base, setCookie(t, r).Value)
			next.Header = cl.Header.Clone()
			r = next.Post(t, "/api/auth/refresh", nil).Expect(t, 200)
			check("refresh", r, false)
			next = withCookie(t, c.base, setCookie(t, r).Value)
			next.Header, next.Token = cl.Header.Clone(), string(r.Raw)
			check("logout", next.Post(t, "/api/auth/logout", nil).Expect(t, 200), true)
		})
	}
}
