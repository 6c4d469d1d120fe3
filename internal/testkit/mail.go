package testkit

import (
	"testing"

	"kami/internal/config"
	"kami/internal/testkit/smtpsink"
)

// MailSink starts an SMTP sink and points this node's mail config at it for the test; the
// mailer reads the config at send time, so the next mail goes there.
func MailSink(t testing.TB) *smtpsink.Sink {
	t.Helper()
	sink, err := smtpsink.Start()
	if err != nil {
		t.Fatal(err)
	}
	SetConfig(t, func(c *config.Config) {
		c.Mail = config.Mail{Host: sink.Host(), Port: sink.Port(), TLS: "none", From: "noreply@kami.test"}
	})
	t.Cleanup(func() { _ = sink.Close() })
	return sink
}
