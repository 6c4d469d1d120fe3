package auth_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/model/do"
	"kami/internal/testkit"
)

// auth.purge deletes sessions that expired or were revoked over 30 days ago and one-time tokens
// that were used or expired; everything else stays.
func TestPurgeJob(t *testing.T) {
	ctx := context.Background()
	admin := testkit.Current().Admin(t)
	uid := testkit.SuperAdmin(t).ID
	day := 24 * time.Hour
	at := func(d time.Duration) *gtime.Time { return gtime.NewFromTime(time.Now().Add(d).UTC()) }
	tag := testkit.UniqueName("p")

	sessions := []struct {
		name             string
		expires, revoked *gtime.Time
		kept             bool
	}{
		{"live", at(day), nil, true},
		{"expired yesterday", at(-day), nil, true},
		{"revoked yesterday", at(day), at(-day), true},
		{"expired 40 days ago", at(-40 * day), nil, false},
		{"revoked 40 days ago", at(day), at(-40 * day), false},
	}
	for i, s := range sessions {
		_, err := dao.UserSessions.Ctx(ctx).Data(do.UserSessions{
			Id: sid(tag, i), UserId: uid, RefreshHash: tag,
			ExpiresAt: s.expires, RevokedAt: s.revoked, CreatedAt: at(-50 * day),
		}).Insert()
		if err != nil {
			t.Fatal(err)
		}
	}
	tokens := []struct {
		name          string
		expires, used *gtime.Time
		kept          bool
	}{
		{"live", at(time.Hour), nil, true},
		{"used", at(time.Hour), at(-time.Minute), false},
		{"expired", at(-time.Minute), nil, false},
	}
	for i, tk := range tokens {
		_, err := dao.UserTokens.Ctx(ctx).Data(do.UserTokens{
			UserId: uid, Purpose: "reset", TokenHash: fmt.Sprintf("%s-%d", tag, i), ExpiresAt: tk.expires, UsedAt: tk.used,
		}).Insert()
		if err != nil {
			t.Fatal(err)
		}
	}

	run := admin.RunJob(t, "auth.purge")
	if run.Status != "success" || run.Items < 4 {
		t.Fatalf("purge run %+v", run)
	}
	for i, s := range sessions {
		n, err := dao.UserSessions.Ctx(ctx).Where("id", sid(tag, i)).Count()
		if err != nil || (n == 1) != s.kept {
			t.Errorf("session %s: present=%v, want %v (%v)", s.name, n == 1, s.kept, err)
		}
	}
	for i, tk := range tokens {
		n, err := dao.UserTokens.Ctx(ctx).Where("token_hash", fmt.Sprintf("%s-%d", tag, i)).Count()
		if err != nil || (n == 1) != tk.kept {
			t.Errorf("token %s: present=%v, want %v (%v)", tk.name, n == 1, tk.kept, err)
		}
	}
}

// sid is a session id of the stored width, unique to this test.
func sid(tag string, i int) string { return fmt.Sprintf("%-30s%02d", tag, i) }
