package smtpsink

import (
	"io"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// session collects one SMTP transaction at a time; go-smtp drives the
// protocol and calls Reset after each DATA, on RSET and on a new EHLO.
type session struct {
	sink     *Sink
	authUser string
	from     string
	to       []string
}

var _ smtp.AuthSession = (*session)(nil)

func (ss *session) AuthMechanisms() []string { return []string{sasl.Plain} }

// Auth accepts any credentials: the sink records who logged in, it does
// not check them.
func (ss *session) Auth(mech string) (sasl.Server, error) {
	if mech != sasl.Plain {
		return nil, smtp.ErrAuthUnknownMechanism
	}
	return sasl.NewPlainServer(func(_, username, _ string) error {
		ss.authUser = username
		return nil
	}), nil
}

func (ss *session) Mail(from string, _ *smtp.MailOptions) error {
	ss.from = from // empty for the null reverse-path "<>"
	return nil
}

func (ss *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	if ss.sink.refuses(to) {
		return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 7, 1}, Message: "refused by the test"}
	}
	ss.to = append(ss.to, to)
	return nil
}

// Data stores the mail before go-smtp answers 250, so a client whose send
// returned can already see it.
func (ss *session) Data(r io.Reader) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	m := parseMail(raw)
	m.From = ss.from
	m.To = append([]string(nil), ss.to...)
	m.AuthUser = ss.authUser
	m.Raw = raw
	m.Received = time.Now()
	if d := ss.sink.acceptDelay(); d > 0 {
		time.Sleep(d) // a slow relay, on the test's request
	}
	ss.sink.store(m)
	return nil
}

func (ss *session) Reset() {
	ss.from, ss.to = "", nil
}

func (ss *session) Logout() error { return nil }
