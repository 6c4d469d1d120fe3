package auth_test

import (
	"net/http"
	"strings"
	"testing"

	"kami/internal/testkit"
)

// refreshCookie is the refresh cookie cl's jar would send to the refresh route (the cookie is
// scoped to /api/auth, so the server root does not see it).
func refreshCookie(t *testing.T, cl *testkit.Client) *http.Cookie {
	t.Helper()
	for _, c := range cl.HTTP.Jar.Cookies(mustURL(t, cl.Base+"/api/auth/refresh")) {
		if c.Name == "jwt" {
			return c
		}
	}
	t.Fatal("no jwt cookie")
	return nil
}

// withCookie is a new caller of base holding only the refresh cookie value (another tab, or a
// thief with a copy).
func withCookie(t *testing.T, base, value string) *testkit.Client {
	t.Helper()
	c := testkit.NewClient(base)
	c.HTTP.Jar.SetCookies(mustURL(t, base), []*http.Cookie{{Name: "jwt", Value: value, Path: "/"}})
	return c
}

func TestRefreshRotates(t *testing.T) {
	cl := testkit.Current().Admin(t)
	old := refreshCookie(t, cl)
	r := cl.Post(t, "/api/auth/refresh", nil).Expect(t, 200)
	token := string(r.Raw)
	if strings.HasPrefix(token, "{") || strings.Count(token, ".") != 2 {
		t.Fatalf("refresh must answer the raw token, got %s", r.Raw)
	}
	next := refreshCookie(t, cl)
	if next.Value == old.Value {
		t.Fatal("refresh cookie did not rotate")
	}
	cl.Token = token
	cl.Get(t, "/api/user/info").Expect(t, 200)
	cl.Post(t, "/api/auth/refresh", nil).Expect(t, 200)
	if again := refreshCookie(t, cl); again.Value == next.Value || again.Value == old.Value {
		t.Fatal("second refresh did not rotate")
	}
}

func TestRefreshWithoutCookie(t *testing.T) {
	env := testkit.Current()
	r := env.Client().Post(t, "/api/auth/refresh", nil).Expect(t, 403)
	if r.ErrorCode() != "REFRESH_TOKEN_INVALID" {
		t.Fatalf("%s", r.Raw)
	}
	withCookie(t, env.BaseURL, "garbage.value").Post(t, "/api/auth/refresh", nil).Expect(t, 403)
}

func TestLogoutRevokesBothTokens(t *testing.T) {
	env := testkit.Current()
	cl := env.Admin(t)
	cookie := refreshCookie(t, cl)
	r := cl.Post(t, "/api/auth/logout", nil).Expect(t, 200)
	if string(r.Data) != `""` {
		t.Fatalf("logout data: %s", r.Raw)
	}
	cl.Get(t, "/api/user/info").Expect(t, 401)
	withCookie(t, env.BaseURL, cookie.Value).Post(t, "/api/auth/refresh", nil).Expect(t, 403)
}

func TestUnauthenticatedIs401(t *testing.T) {
	env := testkit.Current()
	cases := []struct{ name, token, code string }{
		{"no token", "", "UNAUTHORIZED"},
		{"garbage", "abc.def.ghi", "UNAUTHORIZED"},
		{"wrong signature", forgeToken(), "UNAUTHORIZED"},
		{"expired", expiredToken(), "TOKEN_EXPIRED"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cl := env.Client()
			cl.Token = c.token
			r := cl.Get(t, "/api/user/info").Expect(t, 401)
			if r.ErrorCode() != c.code || r.Data != nil && string(r.Data) != "null" {
				t.Fatalf("envelope: %s", r.Raw)
			}
		})
	}
}

func TestUserInfoAndCodes(t *testing.T) {
	env := testkit.Current()
	cl := env.Admin(t)
	var info struct {
		UserID   int64    `json:"userId"`
		Username string   `json:"username"`
		Roles    []string `json:"roles"`
		HomePath string   `json:"homePath"`
	}
	cl.Get(t, "/api/user/info").Expect(t, 200).Decode(t, &info)
	if info.Username != "admin" || info.Roles[0] != "super-admin" || info.UserID == 0 {
		t.Fatalf("info: %+v", info)
	}
	var codes []string
	cl.Get(t, "/api/auth/codes").Expect(t, 200).Decode(t, &codes)
	if codes == nil {
		t.Fatal("codes must be an array")
	}
}
