package auth_test

import (
	"testing"

	"kami/internal/testkit"
)

// Two nodes on one database and Redis behave as one service: a captcha issued by one is checked
// by the other, and a refresh token from one works on the other.
func TestTwoNodesShareCaptchaAndSessions(t *testing.T) {
	env := testkit.Current()
	node2 := env.StartNode(t)

	name, pass := createUser(t, env.Admin(t))
	a := env.Client()
	for i := 0; i < 3; i++ {
		failLogin(t, a, name, false).Expect(t, 400)
	}
	// The captcha comes from node 1, the login goes to node 2 with the same client IP.
	id, answer := solveCaptcha(t, a, name)
	b := node2.Client()
	b.Header = a.Header.Clone()
	r := b.Post(t, "/api/auth/login", map[string]string{"username": name, "password": pass})
	if r.Status != 400 || r.ErrorCode() != "CAPTCHA_REQUIRED" {
		t.Fatalf("node 2 did not see node 1's failures: %d %s", r.Status, r.Raw)
	}
	b.Post(t, "/api/auth/login", map[string]string{"username": name, "password": pass, "captchaId": id, "captchaCode": answer}).Expect(t, 200)

	// Log in on node 1, refresh on node 2, use the new token on node 1.
	one := env.Client().Login(t, name, pass)
	two := withCookie(t, node2.BaseURL, refreshCookie(t, one).Value)
	token := string(two.Post(t, "/api/auth/refresh", nil).Expect(t, 200).Raw)
	one.Token = token
	one.Get(t, "/api/user/info").Expect(t, 200)
	// Logging out on node 1 is seen by node 2 at once.
	one.Post(t, "/api/auth/logout", nil).Expect(t, 200)
	two.Token = token
	two.Get(t, "/api/user/info").Expect(t, 401)
}
