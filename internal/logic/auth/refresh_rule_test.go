package auth_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/model/entity"
	"kami/internal/testkit"
)

// session reads the stored session of a refresh cookie value.
func session(t *testing.T, cookie string) entity.UserSessions {
	t.Helper()
	sid, _, _ := strings.Cut(cookie, ".")
	var s entity.UserSessions
	if err := dao.UserSessions.Ctx(context.Background()).Where("id", sid).Scan(&s); err != nil {
		t.Fatal(err)
	}
	return s
}

// endGraceWindow moves the session's last rotation to just beyond the grace window: the same
// as the window having passed, without waiting for it.
func endGraceWindow(t *testing.T, cookie string) {
	t.Helper()
	sid, _, _ := strings.Cut(cookie, ".")
	at := time.Now().Add(-testkit.Config().Auth.RefreshGrace - time.Second).UTC()
	if _, err := dao.UserSessions.Ctx(context.Background()).Where("id", sid).Data("rotated_at", gtime.NewFromTime(at)).Update(); err != nil {
		t.Fatal(err)
	}
}

// Within the grace window a second tab refreshing with the cookie the first just rotated gets
// the same new cookie, and both tabs keep working.
func TestRefreshGraceWindowGivesSameCookie(t *testing.T) {
	env := testkit.Current()
	a := env.Admin(t)
	old := refreshCookie(t, a).Value
	a.Token = string(a.Post(t, "/api/auth/refresh", nil).Expect(t, 200).Raw)
	rotated := refreshCookie(t, a).Value

	b := withCookie(t, env.BaseURL, old)
	r := b.Post(t, "/api/auth/refresh", nil).Expect(t, 200)
	if got := setCookie(t, r).Value; got != rotated {
		t.Fatalf("second tab got cookie %q, want the first tab's %q", got, rotated)
	}
	b.Token = string(r.Raw)
	a.Get(t, "/api/user/info").Expect(t, 200)
	b.Get(t, "/api/user/info").Expect(t, 200)
	a.Post(t, "/api/auth/refresh", nil).Expect(t, 200)
}

// After the grace window a replayed earlier cookie is a stolen copy: the session ends for every
// holder, whether the copy is one rotation old or several.
func TestRefreshReplayAfterGraceRevokes(t *testing.T) {
	env := testkit.Current()
	for _, generations := range []int{1, 3} {
		t.Run(strings.Repeat("old ", generations), func(t *testing.T) {
			owner := env.Admin(t)
			stolen := refreshCookie(t, owner).Value
			for i := 0; i < generations; i++ {
				owner.Token = string(owner.Post(t, "/api/auth/refresh", nil).Expect(t, 200).Raw)
			}
			endGraceWindow(t, stolen)

			r := withCookie(t, env.BaseURL, stolen).Post(t, "/api/auth/refresh", nil).Expect(t, 403)
			if r.ErrorCode() != "REFRESH_TOKEN_INVALID" {
				t.Fatalf("%s", r.Raw)
			}
			if s := session(t, stolen); s.RevokedAt == nil || s.RevokeReason != "refresh_reuse" {
				t.Fatalf("session not revoked for reuse: %+v", s)
			}
			owner.Post(t, "/api/auth/refresh", nil).Expect(t, 403)
			owner.Get(t, "/api/user/info").Expect(t, 401)
		})
	}
}

// Knowing a session id (it is in the access token's payload) is not enough to end the session:
// a secret the session never had is refused and changes nothing.
func TestRefreshWrongSecretKeepsSession(t *testing.T) {
	env := testkit.Current()
	owner := env.Admin(t)
	// One rotation first, so the session has a history a guess could be mistaken for.
	owner.Token = string(owner.Post(t, "/api/auth/refresh", nil).Expect(t, 200).Raw)
	sid, _, _ := strings.Cut(refreshCookie(t, owner).Value, ".")
	for _, secret := range []string{"WRONG", strings.Repeat("A", 43), strings.Repeat("x", 500)} {
		r := withCookie(t, env.BaseURL, sid+"."+secret).Post(t, "/api/auth/refresh", nil).Expect(t, 403)
		if r.ErrorCode() != "REFRESH_TOKEN_INVALID" {
			t.Fatalf("%s", r.Raw)
		}
	}
	if s := session(t, sid+"."); s.RevokedAt != nil {
		t.Fatalf("a wrong secret revoked the session: %+v", s)
	}
	owner.Get(t, "/api/user/info").Expect(t, 200)
	owner.Post(t, "/api/auth/refresh", nil).Expect(t, 200)
}
