package user_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/model/entity"
	"kami/internal/testkit"
)

// registerAs posts a self-registration in English and returns the answer.
func registerAs(t *testing.T, name, invite, email string) *testkit.Resp {
	t.Helper()
	cl := testkit.Current().Client()
	cl.Lang = "en"
	return cl.Post(t, "/api/auth/register", map[string]string{
		"username": name, "password": "Self-Pass-135", "email": email, "realName": "Rita", "inviteCode": invite,
	})
}

// register self-registers a new username and returns the new account's id.
func register(t *testing.T, invite, email string) (int64, string) {
	t.Helper()
	name := testkit.UniqueName("r")
	registerAs(t, name, invite, email).Expect(t, 200)
	v, err := dao.Users.Ctx(context.Background()).Where("username", name).Value("id")
	if err != nil || v.Int64() == 0 {
		t.Fatalf("registered account %s not found: %v", name, err)
	}
	return v.Int64(), name
}

func verify(t *testing.T, token string) *testkit.Resp {
	t.Helper()
	return testkit.Current().Client().Post(t, "/api/auth/register/verify", map[string]string{"token": token})
}

func dbUser(t *testing.T, id int64) entity.Users {
	t.Helper()
	var u entity.Users
	if err := dao.Users.Ctx(context.Background()).WherePri(id).Scan(&u); err != nil {
		t.Fatal(err)
	}
	return u
}

func TestRegisterAndVerify(t *testing.T) {
	sink := testkit.MailSink(t)
	inviter := createItem(t, admin(t), "agent-admin", nil)
	email := uniqueEmail()
	// The code is matched case-insensitively.
	id, name := register(t, strings.ToLower(inviter.InviteCode), strings.ToUpper(email))

	u := dbUser(t, id)
	if u.Role != "agent" || u.ParentId != inviter.ID || u.Status != 2 || u.EmailVerified != 0 || u.Email != email || u.MustChangePassword != 0 {
		t.Fatalf("registered row: %+v", u)
	}
	if !strings.HasSuffix(u.Path, "/"+itoa(inviter.ID)+"/"+itoa(id)+"/") {
		t.Fatalf("path %q must extend the inviter's", u.Path)
	}
	expectError(t, loginResp(t, name, "Self-Pass-135"), 403, "ACCOUNT_PENDING")

	m := waitMail(t, sink, email, "Verify your email")
	if !strings.Contains(m.Body, "Rita") {
		t.Fatalf("greeting: %q", m.Body)
	}
	token := tokenFrom(t, m, "verify-email")
	verify(t, token).Expect(t, 200)
	expectError(t, verify(t, token), 400, "TOKEN_INVALID") // single use

	u = dbUser(t, id)
	if u.Status != 1 || u.EmailVerified != 1 {
		t.Fatalf("after verify: %+v", u)
	}
	loginResp(t, name, "Self-Pass-135").Expect(t, 200)
}

func TestVerifyTokenRefusals(t *testing.T) {
	sink := testkit.MailSink(t)
	inviter := createItem(t, admin(t), "agent-admin", nil)
	email := uniqueEmail()
	id, name := register(t, inviter.InviteCode, email)
	token := tokenFrom(t, waitMail(t, sink, email, "Verify your email"), "verify-email")

	_, err := dao.UserTokens.Ctx(context.Background()).Where("user_id", id).
		Data("expires_at", gtime.New(time.Now().Add(-time.Minute))).Update()
	if err != nil {
		t.Fatal(err)
	}
	for name, tok := range map[string]string{
		"expired":   token,
		"unknown":   strings.Repeat("x", 43),
		"too short": "abc",
	} {
		t.Run(name, func(t *testing.T) {
			r := verify(t, tok).Expect(t, 400)
			if c := r.ErrorCode(); c != "TOKEN_INVALID" && c != "INVALID_INPUT" {
				t.Fatalf("%s", r.Raw)
			}
		})
	}
	if u := dbUser(t, id); u.Status != 2 {
		t.Fatalf("expired token changed the account: %+v", u)
	}
	expectError(t, loginResp(t, name, "Self-Pass-135"), 403, "ACCOUNT_PENDING")
}

func TestRegisterRefusals(t *testing.T) {
	su := admin(t)
	inviter := createItem(t, su, "agent-admin", nil)
	disabled := createItem(t, su, "agent-admin", nil)
	su.Put(t, userPath(disabled.ID, "/status"), map[string]int{"status": 0}).Expect(t, 200)
	taken := createItem(t, su, "agent", map[string]string{"email": uniqueEmail()})
	body := func(change map[string]string) map[string]string {
		b := map[string]string{"username": testkit.UniqueName("r"), "password": "Self-Pass-135", "email": uniqueEmail(), "inviteCode": inviter.InviteCode}
		for k, v := range change {
			b[k] = v
		}
		return b
	}
	cases := []struct {
		name   string
		body   map[string]string
		status int
		code   string
	}{
		{"no invite code", body(map[string]string{"inviteCode": ""}), 400, "INVITE_CODE_INVALID"},
		{"unknown invite code", body(map[string]string{"inviteCode": "ZZZZZZZZZZ"}), 400, "INVITE_CODE_INVALID"},
		{"disabled inviter", body(map[string]string{"inviteCode": disabled.InviteCode}), 400, "INVITE_CODE_INVALID"},
		{"weak password", body(map[string]string{"password": "lettersonly"}), 400, "PASSWORD_WEAK"},
		{"bad username", body(map[string]string{"username": "9lives"}), 400, "USERNAME_INVALID"},
		{"bad email", body(map[string]string{"email": "x"}), 400, "INVALID_INPUT"},
		{"taken username", body(map[string]string{"username": taken.Username}), 409, "DUPLICATE"},
		{"taken username and email", body(map[string]string{"username": taken.Username, "email": taken.Email}), 409, "DUPLICATE"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := userCount(t)
			expectError(t, testkit.Current().Client().Post(t, "/api/auth/register", c.body), c.status, c.code)
			if userCount(t) != before {
				t.Fatal("a refused registration inserted a row")
			}
		})
	}
	t.Run("closed", func(t *testing.T) {
		testkit.SetSettings(t, map[string]any{"register.enabled": false})
		expectError(t, testkit.Current().Client().Post(t, "/api/auth/register", body(nil)), 400, "REGISTER_CLOSED")
	})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
