package auth_test

import (
	"sync"
	"sync/atomic"
	"testing"

	"kami/internal/testkit"
)

// A captcha answer is good for one attempt however many requests race with it: every racer
// sends the right answer with a wrong password, so exactly one gets as far as the password
// (INVALID_CREDENTIALS) and the rest find the captcha already spent.
func TestCaptchaIsSingleUseUnderRace(t *testing.T) {
	env := testkit.Current()
	name, _ := createUser(t, env.Admin(t))
	cl := env.Client()
	for i := 0; i < 3; i++ {
		failLogin(t, cl, name, false).Expect(t, 400)
	}
	id, answer := solveCaptcha(t, cl, name)
	const n = 20 // with the 3 failures above, within the per-IP login rate limit
	var credentials, spent atomic.Int32
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := env.Client()
			c.Header = cl.Header.Clone() // same source IP
			r, err := c.DoErr("POST", "/api/auth/login", map[string]string{"username": name, "password": "wrong-pass-1", "captchaId": id, "captchaCode": answer})
			switch {
			case err != nil:
				t.Error(err)
			case r.ErrorCode() == "INVALID_CREDENTIALS":
				credentials.Add(1)
			case r.ErrorCode() == "CAPTCHA_INVALID":
				spent.Add(1)
			default:
				t.Errorf("unexpected %d %s", r.Status, r.Raw)
			}
		}()
	}
	wg.Wait()
	if credentials.Load() != 1 || spent.Load() != n-1 {
		t.Fatalf("%d reached the password check, %d found the captcha spent; want 1 and %d", credentials.Load(), spent.Load(), n-1)
	}
}

// Many refreshes racing with one cookie (tabs, nodes, a retry) all succeed with the same new
// cookie and leave the session alive: the losers of the rotation get the winner's answer.
func TestConcurrentRefreshesShareOneRotation(t *testing.T) {
	env := testkit.Current()
	cl := env.Admin(t)
	cookie := refreshCookie(t, cl)
	const n = 20
	results := make([]string, n)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := withCookie(t, env.BaseURL, cookie.Value).DoErr("POST", "/api/auth/refresh", nil)
			switch {
			case err != nil:
				t.Error(err)
			case r.Status != 200:
				t.Errorf("refresh %d: %d %s", i, r.Status, r.Raw)
			default:
				results[i] = setCookie(t, r).Value
			}
		}()
	}
	wg.Wait()
	if t.Failed() {
		t.FailNow()
	}
	for i, v := range results {
		if v == "" || v == cookie.Value || v != results[0] {
			t.Fatalf("refresh %d set cookie %q; want one new cookie for all, got %q first", i, v, results[0])
		}
	}
	// The session lives on with the new cookie.
	next := withCookie(t, env.BaseURL, results[0])
	next.Token = string(next.Post(t, "/api/auth/refresh", nil).Expect(t, 200).Raw)
	next.Get(t, "/api/user/info").Expect(t, 200)
}
