package user_test

import (
	"testing"
	"time"

	"kami/internal/testkit"
)

// A reset link dies when the service's clock passes its validity (register.resetTtl): the test
// moves the shared clock past it instead of waiting an hour or rewriting the stored expiry.
func TestResetLinkExpiresWithTheClock(t *testing.T) {
	sink := testkit.MailSink(t)
	email := uniqueEmail()
	create(t, admin(t), "agent-admin", map[string]string{"email": email})
	ttl := 30 * time.Minute
	testkit.SetSettings(t, map[string]any{"register.resetTtl": ttl.String()})
	// Frozen after the setup and released first: the cleanups above put the settings back with
	// an admin token issued in real time.
	var clk testkit.SharedClock
	clk.Freeze(t, time.Now())
	t.Cleanup(func() { clk.Release(t) })

	tests := []struct {
		name    string
		advance time.Duration // after the link is mailed
		wantOK  bool
	}{
		{"used just before it expires", ttl - time.Minute, true},
		{"used once the clock passed its validity", ttl + time.Second, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sink.Reset()
			forgot(t, email).Expect(t, 200)
			link := tokenFrom(t, waitMail(t, sink, email, "Reset your password"), "reset-password")
			clk.Advance(t, tc.advance)
			r := reset(t, link, "Clock-Pass-"+tc.advance.String())
			if tc.wantOK {
				r.Expect(t, 200)
			} else {
				expectError(t, r, 400, "TOKEN_INVALID")
			}
		})
	}
}
