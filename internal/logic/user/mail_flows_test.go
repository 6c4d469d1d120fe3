package user_test

import (
	"strings"
	"testing"

	"kami/internal/testkit"
)

// An account an admin creates gets a mail naming its username and where to log in, never the
// password (seed 001 §1.1).
func TestCreatedAccountGetsItsLoginByMail(t *testing.T) {
	sink := testkit.MailSink(t)
	by := admin(t)
	by.Lang = "en"
	email := uniqueEmail()
	it := createItem(t, by, "agent-admin", map[string]string{"email": email, "realName": "Mia"})
	m := waitMail(t, sink, email, "Your account is ready")
	login := strings.TrimRight(testkit.Config().PublicURL, "/") + "/#/auth/login"
	if !strings.Contains(m.Body, "Mia") || !strings.Contains(m.Body, it.Username) || !strings.Contains(m.Body, login) {
		t.Fatalf("account mail: %q", m.Body)
	}
	if strings.Contains(m.Body, initialPass) {
		t.Fatalf("the account mail carries the password: %q", m.Body)
	}
}

// A sign-up still waiting for its link can ask for another (seed 001 §1.1): the new link
// verifies, the old one is dead, and the answer is the same for an email nobody signed up with.
func TestResendVerificationMail(t *testing.T) {
	sink := testkit.MailSink(t)
	inviter := createItem(t, admin(t), "agent-admin", nil)
	email := uniqueEmail()
	register(t, inviter.InviteCode, email)
	m := waitMail(t, sink, email, "Verify your email")
	if !strings.Contains(m.Body, "within 24 hour(s)") {
		t.Fatalf("the mail does not state the link's validity: %q", m.Body)
	}
	first := tokenFrom(t, m, "verify-email")
	sink.Reset()
	// The validity is a setting; the mail says what it is.
	testkit.SetSettings(t, map[string]any{"register.verifyTtl": "90m"})

	cl := testkit.Current().Client()
	cl.Lang = "en"
	known := cl.Post(t, "/api/auth/register/resend", map[string]string{"email": strings.ToUpper(email)}).Expect(t, 200)
	unknown := cl.Post(t, "/api/auth/register/resend", map[string]string{"email": uniqueEmail()}).Expect(t, 200)
	if string(known.Raw) != string(unknown.Raw) {
		t.Fatalf("the answer tells known from unknown emails: %s / %s", known.Raw, unknown.Raw)
	}
	m = waitMail(t, sink, email, "Verify your email")
	if !strings.Contains(m.Body, "within 90 minute(s)") {
		t.Fatalf("the mail does not state the configured validity: %q", m.Body)
	}
	second := tokenFrom(t, m, "verify-email")
	if second == first {
		t.Fatal("the same link was sent again")
	}
	expectError(t, verify(t, first), 400, "TOKEN_INVALID")
	verify(t, second).Expect(t, 200)
	// Verified now: asking again sends nothing new and still answers the same.
	cl.Post(t, "/api/auth/register/resend", map[string]string{"email": email}).Expect(t, 200)
	cl.Post(t, "/api/auth/register/resend", map[string]string{"email": "not-an-email"}).Expect(t, 400)
}

// The password policy is the operator's (settings password.*): its length and symbol rule apply
// to every new password and the refusal states them.
func TestPasswordPolicyFollowsSettings(t *testing.T) {
	by := admin(t)
	by.Lang = "en"
	try := func(pass string) *testkit.Resp {
		return by.Post(t, "/api/system/user", map[string]string{"username": testkit.UniqueName("pp"), "password": pass, "role": "agent-admin"})
	}
	r := try("lettersonly")
	if r.Expect(t, 400).ErrorCode() != "PASSWORD_WEAK" || !strings.Contains(r.ErrorText(), "at least 8 characters") {
		t.Fatalf("default policy: %s", r.Raw)
	}
	testkit.SetSettings(t, map[string]any{"password.minLength": 12, "password.requireSymbol": true})
	for _, weak := range []string{"Passw0rd-1", "Passw0rd12345"} {
		r = try(weak)
		if r.Expect(t, 400).ErrorCode() != "PASSWORD_NEEDS_SYMBOL" || !strings.Contains(r.ErrorText(), "at least 12 characters") {
			t.Fatalf("%q under the stricter policy: %s", weak, r.Raw)
		}
	}
	try("Passw0rd-12345").Expect(t, 200)
	by.Put(t, "/api/system/settings", map[string]any{"values": map[string]any{"password.minLength": 7}}).Expect(t, 400)
}
