// Package smtpmail is the outbound mail adapter. It turns a Message into a
// MIME mail and delivers it over SMTP using github.com/wneessen/go-mail.
//
// The package is deliberately plain: no framework globals, no logging, no
// retries. Code that needs to send mail should depend on its own narrow
// interface (Send(ctx, Message) error), which both *Sender and *Fake satisfy.
package smtpmail

import (
	"context"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	netmail "net/mail"
	"strconv"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"
)

// TLS policy values accepted in Config.TLS.
const (
	// TLSNone speaks plain SMTP without any encryption. Only meant for tests
	// and trusted local relays: credentials, if configured, are sent in clear.
	TLSNone = "none"
	// TLSStartTLS connects in plain text and requires the server to offer
	// STARTTLS; the send fails if it does not.
	TLSStartTLS = "starttls"
	// TLSImplicit is implicit TLS ("SMTPS", usually port 465).
	TLSImplicit = "tls"
)

// DefaultTimeout is used when Config.Timeout is zero.
const DefaultTimeout = 15 * time.Second

// Config describes how to reach the SMTP server and who the mail is from.
type Config struct {
	Host string
	Port int // 0 selects the default for the TLS mode: 25, 587 or 465
	// Username enables SMTP AUTH (PLAIN, else LOGIN, else the best
	// mechanism go-mail finds); the server must then offer AUTH. Empty
	// means no authentication. With TLS "none" the credentials are sent in
	// clear, so only use that towards trusted local relays.
	Username string
	Password string
	From     string // bare address, e.g. "noreply@example.com"
	FromName string // optional display name
	// TLS is one of "none", "starttls" (the default when empty) or "tls".
	TLS string
	// Timeout bounds one whole send (dial, handshake, auth, transfer).
	// Zero means DefaultTimeout.
	Timeout time.Duration
}

// String renders the config for logs without the password.
func (c Config) String() string {
	pw := ""
	if c.Password != "" {
		pw = "***"
	}
	return fmt.Sprintf("smtpmail.Config{Host:%q Port:%d Username:%q Password:%q From:%q FromName:%q TLS:%q Timeout:%s}",
		c.Host, c.Port, c.Username, pw, c.From, c.FromName, c.TLS, c.Timeout)
}

// Message is one mail to one recipient. HTML is optional; when both Text and
// HTML are set the mail is sent as multipart/alternative.
type Message struct {
	To      string
	Subject string
	Text    string
	HTML    string
}

// Sender delivers messages over SMTP. It is safe for concurrent use; every
// Send opens its own connection.
type Sender struct {
	cfg Config
	// rootCAs overrides the system roots when verifying the server
	// certificate; only set by tests.
	rootCAs *x509.CertPool
}

// New validates cfg, fills in defaults and returns a Sender.
func New(cfg Config) (*Sender, error) {
	norm, err := normalize(cfg)
	if err != nil {
		return nil, err
	}
	return &Sender{cfg: norm}, nil
}

// Config returns the effective (normalised) configuration.
func (s *Sender) Config() Config { return s.cfg }

func normalize(cfg Config) (Config, error) {
	cfg.Host = strings.TrimSpace(cfg.Host)
	cfg.From = strings.TrimSpace(cfg.From)
	cfg.FromName = strings.TrimSpace(cfg.FromName)
	cfg.TLS = strings.ToLower(strings.TrimSpace(cfg.TLS))

	if cfg.Host == "" {
		return cfg, errors.New("smtpmail: config: host is required")
	}
	if strings.ContainsAny(cfg.Host, " \t\r\n/") {
		return cfg, fmt.Errorf("smtpmail: config: invalid host %q", cfg.Host)
	}
	switch cfg.TLS {
	case "":
		cfg.TLS = TLSStartTLS
	case TLSNone, TLSStartTLS, TLSImplicit:
	default:
		return cfg, fmt.Errorf("smtpmail: config: tls must be %q, %q or %q, got %q",
			TLSNone, TLSStartTLS, TLSImplicit, cfg.TLS)
	}
	if cfg.Port == 0 {
		switch cfg.TLS {
		case TLSNone:
			cfg.Port = 25
		case TLSStartTLS:
			cfg.Port = 587
		case TLSImplicit:
			cfg.Port = 465
		}
	}
	if cfg.Port < 1 || cfg.Port > 65535 {
		return cfg, fmt.Errorf("smtpmail: config: port %d out of range", cfg.Port)
	}
	if cfg.From == "" {
		return cfg, errors.New("smtpmail: config: from address is required")
	}
	if err := checkBareAddress(cfg.From); err != nil {
		return cfg, fmt.Errorf("smtpmail: config: from: %w", err)
	}
	if strings.ContainsAny(cfg.FromName, "\r\n") {
		return cfg, errors.New("smtpmail: config: from name must not contain line breaks")
	}
	if cfg.Username == "" && cfg.Password != "" {
		// Do not echo the password.
		return cfg, errors.New("smtpmail: config: password set without username")
	}
	if cfg.Timeout < 0 {
		return cfg, fmt.Errorf("smtpmail: config: negative timeout %s", cfg.Timeout)
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = DefaultTimeout
	}
	return cfg, nil
}

// checkBareAddress accepts "local@domain" only (no display name, no angle
// brackets).
func checkBareAddress(addr string) error {
	a, err := netmail.ParseAddress(addr)
	if err != nil {
		return fmt.Errorf("invalid address %q: %w", addr, err)
	}
	if a.Name != "" || a.Address != addr {
		return fmt.Errorf("invalid address %q: want a bare address like user@example.com", addr)
	}
	return nil
}

func validateMessage(m Message) error {
	if strings.TrimSpace(m.To) == "" {
		return errors.New("recipient is required")
	}
	if err := checkBareAddress(strings.TrimSpace(m.To)); err != nil {
		return fmt.Errorf("to: %w", err)
	}
	if strings.ContainsAny(m.Subject, "\r\n") {
		return errors.New("subject must not contain line breaks")
	}
	if m.Text == "" && m.HTML == "" {
		return errors.New("message has neither text nor html body")
	}
	return nil
}

// Send builds the MIME message and delivers it on a fresh connection. The
// whole exchange is bounded by the earlier of ctx's deadline and
// Config.Timeout; cancelling ctx aborts an in-flight send.
func (s *Sender) Send(ctx context.Context, m Message) error {
	if err := validateMessage(m); err != nil {
		return fmt.Errorf("smtpmail: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("smtpmail: send to %s: %w", m.To, err)
	}

	msg, err := s.buildMsg(m)
	if err != nil {
		return fmt.Errorf("smtpmail: build message: %w", err)
	}

	ctx, cancel := context.WithTimeout(ctx, s.cfg.Timeout)
	defer cancel()

	dialer := &ctxDialer{ctx: ctx, implicitTLS: s.cfg.TLS == TLSImplicit, tlsConfig: s.tlsConfig()}
	defer dialer.release()

	client, err := gomail.NewClient(s.cfg.Host, s.clientOptions(dialer.dial)...)
	if err != nil {
		return fmt.Errorf("smtpmail: client setup: %w", err)
	}

	addr := net.JoinHostPort(s.cfg.Host, strconv.Itoa(s.cfg.Port))
	sendErr := client.DialAndSendWithContext(ctx, msg)
	if sendErr == nil {
		return nil
	}
	if ctxErr := ctx.Err(); ctxErr != nil {
		// The connection was torn down because of ctx / Timeout; report that
		// first so callers can use errors.Is(err, context.DeadlineExceeded).
		return fmt.Errorf("smtpmail: send to %s via %s (tls=%s): %w: %w",
			m.To, addr, s.cfg.TLS, ctxErr, sendErr)
	}
	return fmt.Errorf("smtpmail: send to %s via %s (tls=%s): %w", m.To, addr, s.cfg.TLS, sendErr)
}

func (s *Sender) tlsConfig() *tls.Config {
	return &tls.Config{ServerName: s.cfg.Host, MinVersion: tls.VersionTLS12, RootCAs: s.rootCAs}
}

func (s *Sender) clientOptions(dial gomail.DialContextFunc) []gomail.Option {
	opts := []gomail.Option{
		gomail.WithPort(s.cfg.Port),
		gomail.WithTimeout(s.cfg.Timeout),
		gomail.WithTLSConfig(s.tlsConfig()),
		gomail.WithDialContextFunc(dial),
	}
	switch s.cfg.TLS {
	case TLSNone:
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	case TLSStartTLS:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	case TLSImplicit:
		// The handshake is done by our dialer; WithSSL tells go-mail not to
		// try STARTTLS on top of it.
		opts = append(opts, gomail.WithSSL(), gomail.WithTLSPolicy(gomail.NoTLS))
	}
	if s.cfg.Username != "" {
		mechs := []gomail.SMTPAuthType{gomail.SMTPAuthPlain, gomail.SMTPAuthLogin}
		if s.cfg.TLS == TLSNone {
			// Explicitly configured plain-text transport: allow the
			// credentials over it (tests, trusted local relays).
			mechs = []gomail.SMTPAuthType{gomail.SMTPAuthPlainNoEnc, gomail.SMTPAuthLoginNoEnc}
		}
		opts = append(opts,
			gomail.WithOpportunisticSMTPAuth(mechs...),
			gomail.WithUsername(s.cfg.Username),
			gomail.WithPassword(s.cfg.Password),
		)
	}
	return opts
}

func (s *Sender) buildMsg(m Message) (*gomail.Msg, error) {
	// No User-Agent/X-Mailer advertising the library and its version.
	msg := gomail.NewMsg(gomail.WithNoDefaultUserAgent())
	var err error
	if s.cfg.FromName != "" {
		err = msg.FromFormat(s.cfg.FromName, s.cfg.From)
	} else {
		err = msg.From(s.cfg.From)
	}
	if err != nil {
		return nil, fmt.Errorf("from: %w", err)
	}
	if err := msg.To(strings.TrimSpace(m.To)); err != nil {
		return nil, fmt.Errorf("to: %w", err)
	}
	msg.Subject(m.Subject)
	msg.SetDate()
	msg.SetMessageIDWithValue(messageID(s.cfg.From))

	switch {
	case m.Text != "" && m.HTML != "":
		msg.SetBodyString(gomail.TypeTextPlain, m.Text)
		msg.AddAlternativeString(gomail.TypeTextHTML, m.HTML)
	case m.HTML != "":
		msg.SetBodyString(gomail.TypeTextHTML, m.HTML)
	default:
		msg.SetBodyString(gomail.TypeTextPlain, m.Text)
	}
	return msg, nil
}

// messageID returns "<random>@<domain of from>" (go-mail adds the brackets).
func messageID(from string) string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	domain := "localhost"
	if i := strings.LastIndexByte(from, '@'); i >= 0 && i < len(from)-1 {
		domain = from[i+1:]
	}
	return hex.EncodeToString(b[:]) + "@" + domain
}
