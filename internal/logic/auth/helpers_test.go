package auth_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"kami/internal/dao"
	"kami/internal/infra/keyring"
	"kami/internal/model/entity"
	"kami/internal/testkit"
)

func mustURL(t *testing.T, s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func forgeToken() string {
	s, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": "1", "sid": "x", "iss": "kami", "exp": 9999999999}).
		SignedString([]byte("not-the-server-key-not-the-server-key"))
	return s
}

// createUser makes an agent-admin through the API and returns its credentials.
func createUser(t *testing.T, admin *testkit.Client) (string, string) {
	t.Helper()
	name, pass := testkit.UniqueName("u"), "Passw0rd-test"
	admin.Post(t, "/api/system/user", map[string]string{"username": name, "password": pass, "role": "agent-admin"}).Expect(t, 200)
	// An admin-set password must be changed at first login; do it so the account is normal.
	cl := testkit.Current().Client().Login(t, name, pass)
	cl.Put(t, "/api/user/password", map[string]string{"oldPassword": pass, "newPassword": pass + "2"}).Expect(t, 200)
	return name, pass + "2"
}

func loginLogs(t *testing.T, username string) []entity.LoginLogs {
	var rows []entity.LoginLogs
	if err := dao.LoginLogs.Ctx(context.Background()).Where("username", username).OrderAsc("id").Scan(&rows); err != nil {
		t.Fatal(err)
	}
	return rows
}

// expiredToken is a correctly signed access token whose lifetime has passed.
func expiredToken() string {
	s, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{
		"sub": "1", "sid": "0123456789abcdef0123456789abcdef", "iss": "kami", "exp": time.Now().Add(-time.Minute).Unix(),
	}).SignedString(keyring.SubKey("jwt"))
	return s
}

// setCookie is the refresh cookie a response sets; the test fails when there is none.
func setCookie(t *testing.T, r *testkit.Resp) *http.Cookie {
	t.Helper()
	for _, c := range (&http.Response{Header: r.Header}).Cookies() {
		if c.Name == "jwt" {
			return c
		}
	}
	t.Errorf("no jwt Set-Cookie in %v", r.Header.Values("Set-Cookie"))
	return &http.Cookie{}
}
