package user_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/testkit"
)

func forgot(t *testing.T, email string) *testkit.Resp {
	t.Helper()
	cl := testkit.Current().Client()
	cl.Lang = "en"
	return cl.Post(t, "/api/auth/password/forgot", map[string]string{"email": email})
}

func reset(t *testing.T, token, pass string) *testkit.Resp {
	t.Helper()
	cl := testkit.Current().Client()
	cl.Lang = "en"
	return cl.Post(t, "/api/auth/password/reset", map[string]string{"token": token, "password": pass})
}

func TestForgotAndReset(t *testing.T) {
	env := testkit.Current()
	sink := testkit.MailSink(t)
	email := uniqueEmail()
	b := create(t, admin(t), "agent-admin", map[string]string{"email": email})
	second := env.Client().Login(t, b.Username, b.Pass)

	unknown := uniqueEmail()
	ru, rk := forgot(t, unknown).Expect(t, 200), forgot(t, email).Expect(t, 200)
	if !bytes.Equal(ru.Raw, rk.Raw) {
		t.Fatalf("answers differ, which reveals registered emails:\n%s\n%s", ru.Raw, rk.Raw)
	}
	token := tokenFrom(t, waitMail(t, sink, email, "Reset your password"), "reset-password")
	noMail(t, sink, unknown)

	// A weak password is refused without spending the token.
	expectError(t, reset(t, token, "lettersonly"), 400, "PASSWORD_WEAK")
	b.Client.Get(t, "/api/user/info").Expect(t, 200)

	reset(t, token, "Reset-Pass-864").Expect(t, 200)
	expectError(t, reset(t, token, "Reset-Pass-999"), 400, "TOKEN_INVALID") // single use
	b.Client.Get(t, "/api/user/info").Expect(t, 401)
	second.Get(t, "/api/user/info").Expect(t, 401)
	expectError(t, loginResp(t, b.Username, b.Pass), 400, "INVALID_CREDENTIALS")
	r := loginResp(t, b.Username, "Reset-Pass-864").Expect(t, 200)
	var login struct {
		MustChangePassword bool `json:"mustChangePassword"`
	}
	r.Decode(t, &login)
	if login.MustChangePassword {
		t.Fatal("a password the user chose is not a must-change one")
	}
	waitMail(t, sink, email, "Your password was changed")
}

func TestResetTokenRefusals(t *testing.T) {
	sink := testkit.MailSink(t)
	email := uniqueEmail()
	su := admin(t)
	b := create(t, su, "agent-admin", map[string]string{"email": email})

	// Two links: using one kills the other.
	forgot(t, email).Expect(t, 200)
	first := tokenFrom(t, waitMail(t, sink, email, "Reset your password"), "reset-password")
	sink.Reset()
	forgot(t, email).Expect(t, 200)
	second := tokenFrom(t, waitMail(t, sink, email, "Reset your password"), "reset-password")
	reset(t, second, "Reset-Pass-111").Expect(t, 200)
	expectError(t, reset(t, first, "Reset-Pass-222"), 400, "TOKEN_INVALID")

	// Expired.
	sink.Reset()
	forgot(t, email).Expect(t, 200)
	expired := tokenFrom(t, waitMail(t, sink, email, "Reset your password"), "reset-password")
	_, err := dao.UserTokens.Ctx(context.Background()).Where("user_id", b.ID).Where("purpose", "reset").WhereNull("used_at").
		Data("expires_at", gtime.New(time.Now().Add(-time.Second))).Update()
	if err != nil {
		t.Fatal(err)
	}
	expectError(t, reset(t, expired, "Reset-Pass-333"), 400, "TOKEN_INVALID")

	// An unknown token is refused, and a disabled account gets no link at all.
	expectError(t, reset(t, "not-a-real-token-but-long-enough", "Reset-Pass-444"), 400, "TOKEN_INVALID")
	su.Put(t, userPath(b.ID, "/status"), map[string]int{"status": 0}).Expect(t, 200)
	sink.Reset()
	forgot(t, email).Expect(t, 200)
	noMail(t, sink, email)
	loginResp(t, b.Username, "Reset-Pass-111").Expect(t, 403)
}
