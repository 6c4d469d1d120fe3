package auth_test

import (
	"net/http"
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

// Of many refreshes racing with one refresh cookie, exactly one rotates it.
func TestRefreshRaceRotatesOnce(t *testing.T) {
	env := testkit.Current()
	cl := env.Admin(t)
	cookie := refreshCookie(t, cl)
	const n = 40
	var ok atomic.Int32
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := env.Client()
			c.HTTP.Jar.SetCookies(mustURL(t, env.BaseURL), []*http.Cookie{{Name: "jwt", Value: cookie.Value, Path: "/"}})
			r, err := c.DoErr("POST", "/api/auth/refresh", nil)
			if err != nil {
				t.Error(err)
				return
			}
			switch r.Status {
			case 200:
				ok.Add(1)
			case 403:
			default:
				t.Errorf("unexpected %d %s", r.Status, r.Raw)
			}
		}()
	}
	wg.Wait()
	if ok.Load() != 1 {
		t.Fatalf("%d refreshes succeeded with one cookie, want exactly 1", ok.Load())
	}
}
