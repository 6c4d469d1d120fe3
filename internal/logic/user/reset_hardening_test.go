package user_test

import (
	"bytes"
	"strconv"
	"testing"

	"kami/internal/testkit"
)

// One client asking for reset links for many addresses hits a per-IP cap (429 with
// Retry-After), known and unknown emails alike; other clients are not affected.
func TestForgotPasswordPerIPCap(t *testing.T) {
	sink := testkit.MailSink(t)
	testkit.SetSettings(t, map[string]any{"register.forgotPerIpPerHour": 3})
	known := uniqueEmail()
	create(t, admin(t), "agent-admin", map[string]string{"email": known})

	cl := testkit.Current().Client()
	cl.Lang = "en"
	var first *testkit.Resp
	for _, email := range []string{known, uniqueEmail(), uniqueEmail()} {
		r := cl.Post(t, "/api/auth/password/forgot", map[string]string{"email": email}).Expect(t, 200)
		if first == nil {
			first = r
		} else if !bytes.Equal(r.Raw, first.Raw) {
			t.Fatalf("answers differ:\n%s\n%s", r.Raw, first.Raw)
		}
	}
	waitMail(t, sink, known, "Reset your password")
	for _, email := range []string{uniqueEmail(), known} {
		r := cl.Post(t, "/api/auth/password/forgot", map[string]string{"email": email})
		expectError(t, r, 429, "RATE_LIMITED")
		if s, err := strconv.Atoi(r.Header.Get("Retry-After")); err != nil || s <= 0 {
			t.Fatalf("Retry-After %q", r.Header.Get("Retry-After"))
		}
	}
	forgot(t, uniqueEmail()).Expect(t, 200) // another client IP
}
