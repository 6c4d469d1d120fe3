package auth_test

import (
	"net/http"
	"strings"
	"testing"

	"kami/internal/testkit"
)

func refreshCookie(t *testing.T, cl *testkit.Client) *http.Cookie {
	t.Helper()
	for _, c := range cl.HTTP.Jar.Cookies(mustURL(t, cl.Base)) {
		if c.Name == "jwt" {
			return c
		}
	}
	t.Fatal("no jwt cookie")
	return nil
}

func TestRefreshRotates(t *testing.T) {
	env := testkit.Current()
	cl := env.Admin(t)
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

	// Replaying the old refresh token is refused, and the reuse ends the session for everyone.
	thief := env.Client()
	thief.HTTP.Jar.SetCookies(mustURL(t, env.BaseURL), []*http.Cookie{{Name: "jwt", Value: old.Value, Path: "/"}})
	thief.Post(t, "/api/auth/refresh", nil).Expect(t, 403)
	cl.Post(t, "/api/auth/refresh", nil).Expect(t, 403)
	cl.Get(t, "/api/user/info").Expect(t, 401)
}

func TestRefreshWithoutCookie(t *testing.T) {
	env := testkit.Current()
	r := env.Client().Post(t, "/api/auth/refresh", nil).Expect(t, 403)
	if r.ErrorCode() != "REFRESH_TOKEN_INVALID" {
		t.Fatalf("%s", r.Raw)
	}
	bad := env.Client()
	bad.HTTP.Jar.SetCookies(mustURL(t, env.BaseURL), []*http.Cookie{{Name: "jwt", Value: "garbage.value", Path: "/"}})
	bad.Post(t, "/api/auth/refresh", nil).Expect(t, 403)
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
	again := env.Client()
	again.HTTP.Jar.SetCookies(mustURL(t, env.BaseURL), []*http.Cookie{cookie})
	again.Post(t, "/api/auth/refresh", nil).Expect(t, 403)
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
