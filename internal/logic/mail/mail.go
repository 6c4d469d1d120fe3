package mail

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/adapter/smtpmail"
	"kami/internal/service"
)

// Timeout bounds one send, so a hung SMTP server cannot pile up goroutines.
const Timeout = 30 * time.Second

// sMail sends through the SMTP server the mail.* settings name. It is rebuilt when they change
// (OnChange, on every node); a send also checks that what it holds matches the snapshot it
// reads, so the first mail after a change never goes to the old server, whichever of the
// reload and the hook it races.
type sMail struct {
	st    service.ISettings
	mu    sync.Mutex
	cfg   smtpmail.Config
	built smtpmail.Mailer
	err   error
}

func init() {
	service.RegisterMail(New())
}

func New() *sMail { return &sMail{} }

// Start builds the mailer from the settings st holds and follows their changes; boot calls it
// once the settings service runs.
func (l *sMail) Start(ctx context.Context, st service.ISettings) {
	l.mu.Lock()
	l.st = st
	l.mu.Unlock()
	_, _ = l.current(ctx)
	st.OnChange(func(ctx context.Context, changed []string) {
		for _, k := range changed {
			if strings.HasPrefix(k, "mail.") {
				_, _ = l.current(ctx)
				return
			}
		}
	})
}

// Send delivers m through the server the settings name now (or logs it without a host).
func (l *sMail) Send(ctx context.Context, m smtpmail.Message) error {
	sender, err := l.current(ctx)
	if err != nil {
		return err
	}
	return sender.Send(ctx, m)
}

// current returns the mailer for the settings as they are, rebuilding it when they differ
// from the ones it was built from. Building is cheap: the adapter dials per send anyway.
func (l *sMail) current(ctx context.Context) (smtpmail.Mailer, error) {
	l.mu.Lock()
	st := l.st
	l.mu.Unlock()
	if st == nil {
		return nil, fmt.Errorf("mail: used before boot started it")
	}
	cfg := smtpmail.Config{
		Host: strings.TrimSpace(st.String(keyHost)), Port: int(st.Int(keyPort)),
		Username: st.String(keyUsername), Password: st.String(keyPassword),
		From: st.String(keyFrom), FromName: st.String(keyFromName), TLS: st.String(keyTLS),
		Timeout: Timeout,
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.built != nil && cfg == l.cfg {
		return l.built, l.err
	}
	l.cfg, l.err = cfg, nil
	if cfg.Host == "" {
		l.built = logMailer{}
		return l.built, nil
	}
	s, err := smtpmail.New(cfg)
	if err != nil {
		// The settings accept each value alone; a combination the adapter refuses (a host
		// without a sender) is the operator's to fix, and every mail says so meanwhile.
		l.built, l.err = logMailer{}, fmt.Errorf("mail settings: %w", err)
		g.Log().Warningf(ctx, "%v", l.err)
		return l.built, l.err
	}
	l.built = s
	return s, nil
}

// logMailer stands in when no SMTP server is set. It logs subject and recipient only: bodies
// may carry one-time links, which must not end up in log files.
type logMailer struct{}

func (logMailer) Send(ctx context.Context, m smtpmail.Message) error {
	g.Log().Infof(ctx, "mail not sent (setting mail.host is empty): %q to %s", m.Subject, m.To)
	return nil
}
