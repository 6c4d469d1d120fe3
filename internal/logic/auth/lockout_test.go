package auth_test

import (
	"net/http"
	"sync"
	"testing"
	"time"

	"kami/internal/config"
	"kami/internal/service"
	"kami/internal/testkit"
)

// Concurrent wrong guesses cannot check more passwords than the lock allows: each check is
// reserved before bcrypt runs, the reservation that reaches the limit sets the lock, and every
// later one is refused without a check. The login log tells checked attempts (bad_password,
// locked_now) from refused ones (locked).
func TestConcurrentGuessesCheckAtMostTheLimit(t *testing.T) {
	env := testkit.Current()
	// Captchas would stop most racers before the password check; this test is about the lock.
	// The long bcrypt wait keeps a slow machine from refusing racers for capacity instead.
	testkit.SetConfig(t, func(c *config.Config) { c.Auth.BcryptWait = time.Minute })
	testkit.SetSettings(t, map[string]any{"auth.captchaAfterFailures": 100})
	limit := int(service.Settings().Int("auth.lockAfterFailures"))
	name, pass := createUser(t, env.Admin(t))
	before := len(loginLogs(t, name))

	const n = 40
	statuses := make(chan int, n)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := env.Client().DoErr("POST", "/api/auth/login", map[string]string{"username": name, "password": "wrong-pass-1"})
			if err != nil {
				t.Error(err)
				return
			}
			statuses <- r.Status
		}()
	}
	wg.Wait()
	close(statuses)
	count := map[int]int{}
	for s := range statuses {
		count[s]++
	}
	// Racers that found the budget full while checks were in progress are told to retry (429);
	// those after the lock are told it is locked.
	if count[http.StatusBadRequest] != limit-1 || count[http.StatusLocked]+count[http.StatusTooManyRequests] != n-limit+1 {
		t.Fatalf("answers %v: want %d wrong-password answers and the rest locked or retry", count, limit-1)
	}
	reasons := map[string]int{}
	for _, row := range loginLogs(t, name)[before:] {
		reasons[row.Reason]++
	}
	if checked := reasons["bad_password"] + reasons["locked_now"]; checked != limit || reasons["locked"]+reasons["checks_in_progress"] != n-limit {
		t.Fatalf("login log reasons %v: %d passwords checked, want exactly %d", reasons, checked, limit)
	}
	env.Client().Post(t, "/api/auth/login", map[string]string{"username": name, "password": pass}).Expect(t, http.StatusLocked)
}

// Checks in progress are not failures: many logins with the right password at once never lock
// the account or demand a captcha; past the budget of concurrent checks they are told to retry.
func TestConcurrentRightPasswordsNeitherLockNorNeedCaptcha(t *testing.T) {
	env := testkit.Current()
	name, pass := createUser(t, env.Admin(t))
	// More hashing slots than the lock allows checks, so checks can pile up on the one account.
	testkit.SetConfig(t, func(c *config.Config) { c.Auth.BcryptConcurrency = 16; c.Auth.BcryptWait = time.Minute })
	for _, r := range loginStorm(t, 30, name, pass) {
		if r != nil && r.Status != 200 && (r.Status != http.StatusTooManyRequests || r.Header.Get("Retry-After") == "") {
			t.Fatalf("a right password answered HTTP %d %s", r.Status, r.Raw)
		}
	}
	if captchaRequired(t, env.Client(), name) {
		t.Fatal("right passwords counted as failures")
	}
	env.Client().Login(t, name, pass)
}

// Four failures then the right password: the fifth check has room in the budget and logs in.
func TestRightPasswordOnTheLastAttemptLogsIn(t *testing.T) {
	env := testkit.Current()
	name, pass := createUser(t, env.Admin(t))
	cl := env.Client()
	for i := 0; i < 4; i++ {
		failLogin(t, cl, name, i >= 3).Expect(t, 400)
	}
	id, answer := solveCaptcha(t, cl, name)
	cl.Post(t, "/api/auth/login", map[string]string{"username": name, "password": pass, "captchaId": id, "captchaCode": answer}).Expect(t, 200)
	env.Client().Login(t, name, pass)
}
