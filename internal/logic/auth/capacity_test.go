package auth_test

import (
	"context"
	"net/http"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/gogf/gf/v2/database/gredis"

	"kami/internal/config"
	"kami/internal/logic/auth"
	"kami/internal/testkit"
)

// loginStorm sends n logins at once, each from its own IP, and returns the answers.
func loginStorm(t *testing.T, n int, username, pass string) []*testkit.Resp {
	t.Helper()
	env := testkit.Current()
	out := make([]*testkit.Resp, n)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := env.Client().DoErr("POST", "/api/auth/login", map[string]string{"username": username, "password": pass})
			if err != nil {
				t.Error(err)
				return
			}
			out[i] = r
		}()
	}
	wg.Wait()
	return out
}

// With every hashing slot taken, logins queue for the configured wait and are then refused with
// 503 SERVER_BUSY and a Retry-After, before any captcha is spent or any failure counted.
func TestLoginsBeyondBcryptCapacityAreRefused(t *testing.T) {
	env := testkit.Current()
	name, pass := createUser(t, env.Admin(t))
	testkit.SetConfig(t, func(c *config.Config) { c.Auth.BcryptConcurrency = 2; c.Auth.BcryptWait = 20 * time.Millisecond })
	release, err := auth.OccupyBcrypt(context.Background(), 2)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range loginStorm(t, 20, name, "wrong-pass-1") {
		if r == nil {
			continue
		}
		secs, _ := strconv.Atoi(r.Header.Get("Retry-After"))
		if r.Status != http.StatusServiceUnavailable || r.ErrorCode() != "SERVER_BUSY" || secs < 1 {
			t.Fatalf("with no slot free: HTTP %d Retry-After %q %s", r.Status, r.Header.Get("Retry-After"), r.Raw)
		}
	}
	release()
	// The refused wrong passwords were never checked, so they count as no failure.
	if captchaRequired(t, env.Client(), name) {
		t.Fatal("logins refused for capacity counted as failures")
	}
	env.Client().Login(t, name, pass)
}

// A burst far above the bound: each login either gets its turn or the refusal, never a 500 nor
// a Redis failure (UNAVAILABLE).
func TestLoginBurstAboveBcryptCapacity(t *testing.T) {
	env := testkit.Current()
	name, pass := createUser(t, env.Admin(t))
	testkit.SetConfig(t, func(c *config.Config) { c.Auth.BcryptConcurrency = 1; c.Auth.BcryptWait = time.Millisecond })
	count := map[string]int{}
	for _, r := range loginStorm(t, 60, name, pass) {
		if r == nil {
			continue
		}
		switch {
		case r.Status == 200:
			count["ok"]++
		case r.Status == http.StatusServiceUnavailable && r.ErrorCode() == "SERVER_BUSY" && r.Header.Get("Retry-After") != "":
			count["busy"]++
		default:
			t.Fatalf("HTTP %d %s", r.Status, r.Raw)
		}
	}
	t.Logf("answers: %v", count)
}

// Hundreds of logins at once on the default Redis pool: none fails for want of a Redis
// connection. The bcrypt queue is made long enough here that only Redis could refuse.
func TestManyConcurrentLoginsNeedNoRetry(t *testing.T) {
	env := testkit.Current()
	name, pass := createUser(t, env.Admin(t))
	// Fewer hashing slots than the lock allows checks, so checks of the one account never fill
	// its budget (TestConcurrentRightPasswordsNeitherLockNorNeedCaptcha covers that).
	testkit.SetConfig(t, func(c *config.Config) { c.Auth.BcryptConcurrency = 2; c.Auth.BcryptWait = 2 * time.Minute })
	count := map[int]int{}
	for _, r := range loginStorm(t, 250, name, pass) {
		if r == nil {
			continue
		}
		count[r.Status]++
		if r.Status != 200 {
			t.Errorf("HTTP %d %s", r.Status, r.Raw)
		}
	}
	t.Logf("answers: %v", count)
}

// The Redis client is built from kami.redis, not from constants: the pool a burst needs is a
// deployment's choice.
func TestRedisPoolFollowsConfig(t *testing.T) {
	got, ok := gredis.GetConfig()
	if !ok {
		t.Fatal("no redis config")
	}
	want := testkit.Config().Redis
	if got.MaxActive != want.MaxActive || got.MinIdle != want.MinIdle || got.MaxIdle != want.MaxIdle ||
		got.WaitTimeout != want.WaitTimeout || got.DialTimeout != want.DialTimeout ||
		got.IdleTimeout != want.IdleTimeout || got.MaxConnLifetime != want.MaxConnLifetime {
		t.Fatalf("redis client %+v, config %+v", got, want)
	}
}
