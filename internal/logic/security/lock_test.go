package security_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"kami/internal/consts"
	"kami/internal/errs"
	"kami/internal/service"
	"kami/internal/testkit"
)

// burstSettings make a burst small: notify at 2 operations of a kind, captcha at 3, lock at 4.
func burstSettings(t *testing.T) {
	testkit.SetSettings(t, map[string]any{"security.burstWindow": "1h", "security.burstNotify": 2,
		"security.burstCaptcha": 3, "security.burstLock": 4})
}

// exportTimes downloads the security log n times as c, each a sensitive operation (an export).
func exportTimes(t *testing.T, c *testkit.Client, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		c.Get(t, "/api/security/log/export").Expect(t, 200)
	}
}

func loginStatus(t *testing.T, u testkit.SeededUser) (int, string) {
	t.Helper()
	r := testkit.Current().Client().Post(t, "/api/auth/login", map[string]string{"username": u.Username, "password": u.Password})
	return r.Status, r.Reason
}

type lockItem struct {
	ID        int64   `json:"id"`
	UserID    int64   `json:"userId"`
	ExpiresAt *string `json:"expiresAt"`
}

func locksOf(t *testing.T, c *testkit.Client, userID int64) []lockItem {
	t.Helper()
	var page struct {
		Items []lockItem `json:"items"`
	}
	c.Get(t, fmt.Sprintf("/api/security/locks/list?userId=%d", userID)).Expect(t, 200).Decode(t, &page)
	return page.Items
}

// A burst of exports notifies at the first threshold, requires a captcha at the second and
// locks at the third (sessions end, logins are 423); the agent's agent-admin lifts the lock,
// another agent-admin cannot see or lift it (404), the agent itself may not call the route.
func TestExportBurstLocksAndTheSuperiorUnlocks(t *testing.T) {
	burstSettings(t)
	tr := newTree(t)
	env := testkit.Current()
	ag := env.Login(t, tr.ag1)
	measures := func() []string {
		var out []string
		for _, e := range events(t, tr.admin, url.Values{"userId": {itoa(tr.ag1.ID)}, "kind": {"burst"}, "sortBy": {"id"}, "sortOrder": {"asc"}}) {
			out = append(out, e.Measure)
		}
		return out
	}
	exportTimes(t, ag, 1)
	if got := measures(); len(got) != 0 {
		t.Fatalf("one export: %v", got)
	}
	exportTimes(t, ag, 1)
	if got := fmt.Sprint(measures()); got != "[notify]" {
		t.Fatalf("two exports: %s", got)
	}
	if n := len(inbox(t, env.Login(t, tr.aa1), "security.burst")); n != 1 {
		t.Fatalf("the agent-admin holds %d burst notices", n)
	}
	exportTimes(t, ag, 1)
	if st, code := loginStatus(t, tr.ag1); st != 400 || code != "CAPTCHA_REQUIRED" {
		t.Fatalf("after three exports a login answers %d %s, want a captcha", st, code)
	}
	exportTimes(t, ag, 1)
	if got := fmt.Sprint(measures()); got != "[notify captcha lock]" {
		t.Fatalf("four exports: %s", got)
	}
	if r := ag.Get(t, "/api/security/log/list"); r.Status != 401 {
		t.Fatalf("the locked agent's session still answers %d", r.Status)
	}
	if st, code := loginStatus(t, tr.ag1); st != 423 || code != "ACCOUNT_ANOMALY_LOCKED" {
		t.Fatalf("locked login: %d %s", st, code)
	}
	aa1, aa2 := env.Login(t, tr.aa1), env.Login(t, tr.aa2)
	locks := locksOf(t, aa1, tr.ag1.ID)
	if len(locks) != 1 || locks[0].ExpiresAt != nil {
		t.Fatalf("agent-admin sees locks %+v, want one without expiry", locks)
	}
	if other := locksOf(t, aa2, tr.ag1.ID); len(other) != 0 {
		t.Fatalf("another agent-admin sees %+v", other)
	}
	unlock := fmt.Sprintf("/api/security/locks/%d/unlock", locks[0].ID)
	cases := []struct {
		name   string
		c      *testkit.Client
		status int
		reason string
	}{
		{"another agent-admin: outside its scope", aa2, 404, "NOT_FOUND"},
		{"the agent's agent-admin", aa1, 200, ""},
		{"again: lifted already", aa1, 409, "SECURITY_LOCK_NOT_ACTIVE"},
	}
	for _, c := range cases {
		r := c.c.Post(t, unlock, nil)
		if r.Status != c.status || r.Reason != c.reason {
			t.Fatalf("%s: %d %s, want %d %s", c.name, r.Status, r.Reason, c.status, c.reason)
		}
	}
	// Unlocked, with the captcha requirement gone too; the agent may not call the route at all.
	ag = env.Login(t, tr.ag1)
	if r := ag.Post(t, unlock, nil); r.Status != 403 {
		t.Fatalf("agent calling unlock: %d", r.Status)
	}
	if r := tr.admin.Post(t, "/api/security/locks/999999999/unlock", nil); r.Status != 404 {
		t.Fatalf("missing lock: %d", r.Status)
	}
}

// An agent-admin cannot lift its own lock: only its superior (the super-admin) can.
func TestNoOneUnlocksThemselves(t *testing.T) {
	burstSettings(t)
	tr := newTree(t)
	env := testkit.Current()
	exportTimes(t, env.Login(t, tr.aa1), 4)
	locks := locksOf(t, tr.admin, tr.aa1.ID)
	if len(locks) != 1 {
		t.Fatalf("locks %+v", locks)
	}
	// Its sessions ended, and it cannot log in to try: the service refuses the self-unlock too.
	ctx := tr.aa1.Ctx(context.Background())
	if _, err := service.Security().Unlock(ctx, unlockReq(locks[0].ID)); !errs.Is(err, errs.UnlockSelf) {
		t.Fatalf("self-unlock: %v", err)
	}
	tr.admin.Post(t, fmt.Sprintf("/api/security/locks/%d/unlock", locks[0].ID), nil).Expect(t, 200)
	if st, _ := loginStatus(t, tr.aa1); st != 200 {
		t.Fatalf("login after the super-admin's unlock: %d", st)
	}
}

// A super-admin's anomaly lock expires after security.superAdminLockDuration; `kami unlock`
// on the server lifts a lock before that.
func TestSuperAdminLockExpiresAndCLIUnlocks(t *testing.T) {
	burstSettings(t)
	// No captcha step here: its requirement runs out with the window, not with the lock.
	testkit.SetSettings(t, map[string]any{"security.superAdminLockDuration": "30m", "security.burstCaptcha": 0})
	now := time.Now().UTC().Truncate(time.Second)
	testkit.SharedClock{}.Freeze(t, now)
	t.Cleanup(func() { testkit.SharedClock{}.Release(t) })
	env := testkit.Current()
	sa := testkit.SeedUser(t, consts.RoleSuperAdmin, testkit.SuperAdmin(t))
	exportTimes(t, env.Login(t, sa), 4)
	if locks := locksOf(t, env.Admin(t), sa.ID); len(locks) != 1 || locks[0].ExpiresAt == nil {
		t.Fatalf("super-admin locks %+v, want one that expires", locks)
	}
	if st, _ := loginStatus(t, sa); st != 423 {
		t.Fatalf("locked super-admin login: %d", st)
	}
	testkit.SharedClock{}.Advance(t, 29*time.Minute)
	if st, _ := loginStatus(t, sa); st != 423 {
		t.Fatalf("before the expiry: %d", st)
	}
	testkit.SharedClock{}.Advance(t, 2*time.Minute)
	if st, _ := loginStatus(t, sa); st != 200 {
		t.Fatalf("after the expiry: %d", st)
	}

	tr := newTree(t)
	exportTimes(t, env.Login(t, tr.ag2), 4)
	if st, _ := loginStatus(t, tr.ag2); st != 423 {
		t.Fatalf("locked agent login: %d", st)
	}
	// The real command line in a process of its own, as an operator runs it on a server; the
	// name in another case still names the user.
	out, err := env.RunCommand(t, "unlock", strings.ToUpper(tr.ag2.Username))
	if err != nil || !strings.Contains(out, "1 lock(s) lifted") {
		t.Fatalf("kami unlock: %v\n%s", err, out)
	}
	if out, err = env.RunCommand(t, "unlock", "no-such-user"); err == nil {
		t.Fatalf("kami unlock of an unknown user succeeded:\n%s", out)
	}
	if st, _ := loginStatus(t, tr.ag2); st != 200 {
		t.Fatalf("login after kami unlock: %d", st)
	}
}
