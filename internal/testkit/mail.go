package testkit

import (
	"testing"

	"kami/internal/adapter/smtpmail"
	"kami/internal/service"
	"kami/internal/testkit/smtpsink"
)

// MailSink starts an SMTP sink and points the mail settings at it for the test, as an operator
// would (PUT /api/system/settings): live at once on this node, within about a second on the
// others. The defaults come back when the test ends.
func MailSink(t testing.TB) *smtpsink.Sink {
	t.Helper()
	sink, err := smtpsink.Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sink.Close() })
	SetSettings(t, map[string]any{
		"mail.host": sink.Host(), "mail.port": sink.Port(), "mail.tls": "none", "mail.from": "noreply@kami.test",
	})
	return sink
}

// FakeMailer hands this node's mailing services (accounts, notification copies) a recording
// fake instead of the SMTP mailer for the test, and gives the real one back when it ends.
func FakeMailer(t testing.TB) *smtpmail.Fake {
	t.Helper()
	fake := &smtpmail.Fake{}
	u, n := service.User().SetMailer(fake), service.Notify().SetMailer(fake)
	t.Cleanup(func() {
		service.User().SetMailer(u)
		service.Notify().SetMailer(n)
	})
	return fake
}
