package user

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/i18n/gi18n"

	"kami/internal/adapter/smtpmail"
	"kami/internal/logic/mail"
	"kami/internal/model/entity"
	"kami/internal/timefmt"
)

// mailTimeout bounds one background send, so a hung SMTP server cannot pile up goroutines.
const mailTimeout = mail.Timeout

// sendLater delivers m in the background, after the caller's transaction has committed, so a
// slow or broken SMTP server never delays or fails the request. Failures are only logged:
// every flow that mails can be repeated by the user (register again, ask for a new link).
func (s *sUser) sendLater(ctx context.Context, m smtpmail.Message) {
	if m.To == "" {
		return
	}
	// Keep the request's values (trace id for the log) but not its cancellation: the response
	// is sent, and with it the request context cancelled, long before the mail is.
	ctx = context.WithoutCancel(ctx)
	go func() {
		ctx, cancel := context.WithTimeout(ctx, mailTimeout)
		defer cancel()
		if err := s.deliver(ctx, m); err != nil {
			g.Log().Warningf(ctx, "%v", err)
		}
	}()
}

// deliver sends m now through the mailer the service was handed.
func (s *sUser) deliver(ctx context.Context, m smtpmail.Message) error {
	if err := s.mailer.Send(ctx, m); err != nil {
		return fmt.Errorf("mail %q to %s failed: %w", m.Subject, m.To, err)
	}
	return nil
}

// displayName is how mails greet a user.
func displayName(u *entity.Users) string {
	if u.RealName != "" {
		return u.RealName
	}
	return u.Username
}

// panelLink is a page of the Vben panel (hash router) carrying a one-time token.
func (s *sUser) panelLink(page, token string) string {
	return strings.TrimRight(s.cfg().PublicURL, "/") + "/#/auth/" + page + "?token=" + url.QueryEscape(token)
}

// mailWithLink composes a verify or reset mail in the request's language (kind is the i18n
// key group: "verify" or "reset"), stating how long the link is valid (a setting).
func mailWithLink(ctx context.Context, kind string, u *entity.Users, link string, valid time.Duration) smtpmail.Message {
	return smtpmail.Message{
		To:      u.Email,
		Subject: gi18n.T(ctx, "mail."+kind+".subject"),
		Text:    gi18n.Tf(ctx, "mail."+kind+".body", displayName(u), validity(ctx, valid), link),
	}
}

// validity words a link's lifetime: whole hours as hours, anything else as minutes.
func validity(ctx context.Context, d time.Duration) string {
	if d >= time.Hour && d%time.Hour == 0 {
		return gi18n.Tf(ctx, "mail.hours", int(d/time.Hour))
	}
	return gi18n.Tf(ctx, "mail.minutes", int((d+time.Minute-1)/time.Minute))
}

// notifyPasswordChanged tells the owner of the account that its password changed, so a change
// they did not make does not go unnoticed. A mail failure never fails the change itself.
func (s *sUser) notifyPasswordChanged(ctx context.Context, u *entity.Users) {
	if u.Email == "" {
		return
	}
	when := timefmt.Time(s.clock.Now())
	s.sendLater(ctx, smtpmail.Message{
		To:      u.Email,
		Subject: gi18n.T(ctx, "mail.changed.subject"),
		Text:    gi18n.Tf(ctx, "mail.changed.body", displayName(u), when),
	})
}

// mailAccountInfo tells a user an admin created where to log in and as whom. Never the
// password: the admin hands that over another way, and the user must change it at first login.
func (s *sUser) mailAccountInfo(ctx context.Context, u *entity.Users) {
	if u.Email == "" {
		return
	}
	login := strings.TrimRight(s.cfg().PublicURL, "/") + "/#/auth/login"
	s.sendLater(ctx, smtpmail.Message{
		To:      u.Email,
		Subject: gi18n.T(ctx, "mail.account.subject"),
		Text:    gi18n.Tf(ctx, "mail.account.body", displayName(u), u.Username, login),
	})
}
