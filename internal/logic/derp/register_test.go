package derp_test

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"kami/internal/adapter/smtpmail"
	"kami/internal/infra/redisx"
	"kami/internal/testkit"
)

var verifyLink = regexp.MustCompile(`verify-email\?token=([A-Za-z0-9_%.-]+)`)

// waitFake waits for a mail to `to` on the fake mailer (mails leave in the background).
func waitFake(t *testing.T, f *smtpmail.Fake, to string, n int) []smtpmail.Message {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		var got []smtpmail.Message
		for _, m := range f.Messages() {
			if m.To == to {
				got = append(got, m)
			}
		}
		if len(got) >= n {
			return got
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d mails to %s, want %d", len(got), to, n)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// §5 POST /auth/register: 202 {} whether or not the email exists; the foundation's verify link
// enables the pending member under the invite code's distributor; a bad code is 400.
func TestRegister(t *testing.T) {
	w := newWorld(t)
	mail := testkit.FakeMailer(t)
	code := tier(t, w, w.Agent.ID, "gold")
	email := uniqueEmail()
	r := testClient().Post(t, "/api/derp/auth/register", map[string]any{"email": email, "password": "Reg-Pass-2026",
		"inviteCode": strings.ToLower(code)}).Expect(t, http.StatusAccepted)
	if string(r.Data) != "{}" {
		t.Fatalf("data %s", r.Data)
	}
	m := waitFake(t, mail, email, 1)[0]
	tok := verifyLink.FindStringSubmatch(m.Text)
	if tok == nil {
		t.Fatalf("no link in %q", m.Text)
	}
	// Pending: no login until the link is opened.
	testClient().Post(t, "/api/auth/login", map[string]any{"username": email, "password": "Reg-Pass-2026"}).
		Expect(t, http.StatusForbidden)
	testClient().Post(t, "/api/auth/register/verify", map[string]any{"token": tok[1]}).Expect(t, http.StatusOK)
	testClient().Post(t, "/api/auth/login", map[string]any{"username": email, "password": "Reg-Pass-2026"}).
		Expect(t, http.StatusOK)
	var l struct {
		Items []struct {
			Id            int64 `json:"id"`
			DistributorId int64 `json:"distributorId"`
		} `json:"items"`
	}
	w.Agent.C.Get(t, "/api/derp/customers/list?email="+email).Expect(t, http.StatusOK).Decode(t, &l)
	if len(l.Items) != 1 || l.Items[0].DistributorId != w.Agent.ID {
		t.Fatalf("registered customer %+v", l)
	}

	// The same email again: the same 202, and its owner gets a notice instead of a link.
	again := testClient().Post(t, "/api/derp/auth/register", map[string]any{"email": email, "password": "Reg-Pass-2026"}).
		Expect(t, http.StatusAccepted)
	if string(again.Raw) != string(r.Raw) {
		t.Fatalf("answers differ: %s vs %s", again.Raw, r.Raw)
	}
	if ms := waitFake(t, mail, email, 2); verifyLink.MatchString(ms[1].Text) {
		t.Fatalf("an existing owner got a link: %q", ms[1].Text)
	}

	expectReason(t, testClient().Post(t, "/api/derp/auth/register", map[string]any{"email": uniqueEmail(),
		"password": "Reg-Pass-2026", "inviteCode": "NOPE0000"}), http.StatusBadRequest, "INVITE_CODE_INVALID")
	testkit.SetSettings(t, map[string]any{"derp.register.requireInvite": true})
	expectReason(t, testClient().Post(t, "/api/derp/auth/register", map[string]any{"email": uniqueEmail(),
		"password": "Reg-Pass-2026"}), http.StatusBadRequest, "INVITE_CODE_INVALID")
	testkit.SetSettings(t, map[string]any{"derp.register.enabled": false})
	expectReason(t, testClient().Post(t, "/api/derp/auth/register", map[string]any{"email": uniqueEmail(),
		"password": "Reg-Pass-2026"}), http.StatusBadRequest, "REGISTER_CLOSED")
}

// §5 POST /auth/resend: {} always; mails only a pending account.
func TestResend(t *testing.T) {
	mail := testkit.FakeMailer(t)
	email := uniqueEmail()
	testClient().Post(t, "/api/derp/auth/register", map[string]any{"email": email, "password": "Reg-Pass-2026"}).
		Expect(t, http.StatusAccepted)
	waitFake(t, mail, email, 1)
	testClient().Post(t, "/api/derp/auth/resend", map[string]any{"email": strings.ToUpper(email)}).Expect(t, http.StatusAccepted)
	ms := waitFake(t, mail, email, 2)
	if !verifyLink.MatchString(ms[1].Text) {
		t.Fatalf("resent %q", ms[1].Text)
	}
	testClient().Post(t, "/api/derp/auth/resend", map[string]any{"email": uniqueEmail()}).Expect(t, http.StatusAccepted)
}

// §14.11: the 6th request-triggered mail to one address in 10 min → 429 + Retry-After, counted
// whether or not the address exists, from any client; allowed again after the window.
func TestMailLimitPerAddress(t *testing.T) {
	testkit.FakeMailer(t)
	email := uniqueEmail()
	for i := 0; i < 5; i++ {
		path, body := "/api/derp/auth/resend", map[string]any{"email": email}
		if i == 0 {
			path, body = "/api/derp/auth/register", map[string]any{"email": email, "password": "Reg-Pass-2026"}
		}
		testClient().Post(t, path, body).Expect(t, http.StatusAccepted)
	}
	r := testClient().Post(t, "/api/derp/auth/resend", map[string]any{"email": email})
	expectReason(t, r, http.StatusTooManyRequests, "RATE_LIMITED")
	if s, err := strconv.Atoi(r.Header.Get("Retry-After")); err != nil || s <= 0 || s > 600 {
		t.Fatalf("Retry-After %q", r.Header.Get("Retry-After"))
	}
	testClient().Post(t, "/api/derp/auth/resend", map[string]any{"email": uniqueEmail()}).Expect(t, http.StatusAccepted)

	mr := redisx.Embedded()
	if mr == nil {
		t.Log("external Redis: the window's end is covered on the embedded store, whose clock a test can move")
		return
	}
	mr.SetTime(time.Now().Add(10 * time.Minute))
	t.Cleanup(func() { mr.SetTime(time.Time{}) })
	testClient().Post(t, "/api/derp/auth/resend", map[string]any{"email": email}).Expect(t, http.StatusAccepted)
}

// §12: ≤ 30 request-triggered mails per hour from one client IP, over any addresses.
func TestMailLimitPerIP(t *testing.T) {
	testkit.FakeMailer(t)
	cl := testClient()
	for i := 0; i < 30; i++ {
		cl.Post(t, "/api/derp/auth/resend", map[string]any{"email": uniqueEmail()}).Expect(t, http.StatusAccepted)
	}
	expectReason(t, cl.Post(t, "/api/derp/auth/resend", map[string]any{"email": uniqueEmail()}),
		http.StatusTooManyRequests, "RATE_LIMITED")
}
