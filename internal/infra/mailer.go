package infra

import (
	"context"
	"strings"
	"time"

	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/adapter/smtpmail"
	"kami/internal/config"
)

// Mailer is what the logic packages need from a mail transport; the SMTP adapter, the log
// mailer and smtpmail.Fake all satisfy it.
type Mailer interface {
	Send(ctx context.Context, m smtpmail.Message) error
}

// MailTimeout bounds one send, so a hung SMTP server cannot pile up goroutines.
const MailTimeout = 30 * time.Second

// CurrentMailer builds the transport from the live configuration at send time rather than at
// boot, so a changed mail section (or a test pointing it at its sink) applies to the next mail.
// Building one is cheap: the adapter opens its connection per send anyway.
func CurrentMailer() (Mailer, error) {
	c := config.Get().Mail
	if strings.TrimSpace(c.Host) == "" {
		return logMailer{}, nil
	}
	return smtpmail.New(smtpmail.Config{
		Host: c.Host, Port: c.Port, Username: c.Username, Password: c.Password,
		From: c.From, FromName: c.FromName, TLS: c.TLS, Timeout: MailTimeout,
	})
}

// logMailer stands in when no SMTP server is configured. It logs subject and recipient only:
// bodies may carry one-time links, which must not end up in log files.
type logMailer struct{}

func (logMailer) Send(ctx context.Context, m smtpmail.Message) error {
	g.Log().Infof(ctx, "mail not sent (kami.mail.host is empty): %q to %s", m.Subject, m.To)
	return nil
}
