package user_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/service"
	"kami/internal/testkit"
)

// Registering with an email that already has an account answers exactly as a fresh
// registration (status and body), creates nothing, and mails the owner a notice instead of a
// link; whatever the account's status.
func TestRegisterExistingEmailLooksFresh(t *testing.T) {
	sink := testkit.MailSink(t)
	su := admin(t)
	inviter := createItem(t, su, "agent-admin", nil)
	fresh := registerAs(t, testkit.UniqueName("r"), inviter.InviteCode, uniqueEmail()).Expect(t, 200)

	enabled := createItem(t, su, "agent", map[string]string{"email": uniqueEmail()})
	_, pendingName := register(t, inviter.InviteCode, uniqueEmail())
	var pendingEmail string
	v, err := dao.Users.Ctx(context.Background()).Where("username", pendingName).Value("email")
	if err != nil {
		t.Fatal(err)
	}
	pendingEmail = v.String()
	waitMail(t, sink, pendingEmail, "Verify your email")

	for _, owner := range []struct{ name, username, email string }{
		{"enabled account", enabled.Username, enabled.Email},
		{"pending account", pendingName, pendingEmail},
	} {
		t.Run(owner.name, func(t *testing.T) {
			sink.Reset()
			before := userCount(t)
			name := testkit.UniqueName("r")
			// The address in another case is the same address.
			r := registerAs(t, name, inviter.InviteCode, strings.ToUpper(owner.email)).Expect(t, 200)
			if !bytes.Equal(r.Raw, fresh.Raw) {
				t.Fatalf("answer differs from a fresh registration's:\n%s\n%s", r.Raw, fresh.Raw)
			}
			if userCount(t) != before {
				t.Fatal("an account was created for a taken email")
			}
			m := waitMail(t, sink, owner.email, "Someone tried to register")
			if !strings.Contains(m.Body, owner.username) || strings.Contains(m.Body, "token=") {
				t.Fatalf("notice: %q", m.Body)
			}
			// The name tried is free: it was never taken by the refused attempt.
			registerAs(t, name, inviter.InviteCode, uniqueEmail()).Expect(t, 200)
		})
	}
}

// A self-registration never confirmed is deleted by auth.purge once its link has expired,
// with its token, so its username and email can be registered again; confirmed accounts and
// pending ones with a live link stay.
func TestPendingRegistrationPurged(t *testing.T) {
	ctx := context.Background()
	su := admin(t)
	inviter := createItem(t, su, "agent-admin", nil)
	email := uniqueEmail()
	staleID, staleName := register(t, inviter.InviteCode, email)
	liveID, _ := register(t, inviter.InviteCode, uniqueEmail())
	oldEnabled := createItem(t, su, "agent", map[string]string{"email": uniqueEmail()})

	// Move the stale sign-up (and the enabled account) past the link's validity.
	past := gtime.NewFromTime(time.Now().Add(-service.Settings().Duration("register.verifyTtl") - time.Hour).UTC())
	for _, id := range []int64{staleID, oldEnabled.ID} {
		if _, err := dao.Users.Ctx(ctx).WherePri(id).Data("created_at", past).Update(); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := dao.UserTokens.Ctx(ctx).Where("user_id", staleID).Data("expires_at", past).Update(); err != nil {
		t.Fatal(err)
	}

	if run := su.RunJob(t, "auth.purge"); run.Status != "success" || run.Items < 2 {
		t.Fatalf("purge run %+v", run)
	}
	count := func(m interface{ Count(...any) (int, error) }) int {
		n, err := m.Count()
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	if count(dao.Users.Ctx(ctx).WherePri(staleID)) != 0 || count(dao.UserTokens.Ctx(ctx).Where("user_id", staleID)) != 0 {
		t.Fatal("the expired pending registration or its token is still there")
	}
	if count(dao.Users.Ctx(ctx).WherePri(liveID)) != 1 || count(dao.UserTokens.Ctx(ctx).Where("user_id", liveID)) != 1 {
		t.Fatal("a pending registration with a live link was purged")
	}
	if count(dao.Users.Ctx(ctx).WherePri(oldEnabled.ID)) != 1 {
		t.Fatal("an enabled account was purged")
	}
	// Username and email are free again.
	sink := testkit.MailSink(t)
	registerAs(t, staleName, inviter.InviteCode, email).Expect(t, 200)
	waitMail(t, sink, email, "Verify your email")
}
