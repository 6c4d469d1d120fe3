// Package smtpsink is an in-process SMTP server for tests, built on
// github.com/emersion/go-smtp. A test starts it on 127.0.0.1 with a random
// port, points the mail adapter at it and then inspects the delivered mails.
//
//	sink, err := smtpsink.Start()
//	...
//	defer sink.Close()
//	// configure the sender with sink.Host(), sink.Port(), TLS "none"
//	m, err := sink.WaitFor("alice@example.com", 5*time.Second)
//
// It accepts any sender and recipient, accepts AUTH PLAIN with any
// credentials (in plain text too, unless STARTTLS is offered) and
// keeps every message in memory. By default it offers no TLS at all, so a
// sender that insists on TLS must fail against it; WithStartTLS and
// WithImplicitTLS serve the encrypted modes with a self-signed certificate
// that only clients given RootCAs() trust.
package smtpsink

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"io"
	"log"
	"net"
	"net/mail"
	"strings"
	"sync"
	"time"

	"github.com/emersion/go-smtp"
)

// Limits applied to every connection: generous, a sink is not the place to
// find out about size limits, but bounded so a runaway client cannot eat
// the test process.
const (
	maxMessageBytes = 32 << 20
	maxRecipients   = 1000
	idleTimeout     = 2 * time.Minute
)

// Mail is one message accepted by the sink.
type Mail struct {
	// From is the envelope sender (MAIL FROM), To the envelope recipients
	// (RCPT TO), in the order given.
	From string
	To   []string
	// Subject is the decoded Subject header (RFC 2047 words decoded).
	Subject string
	// Body is the decoded text/plain part with "\n" line endings; if the
	// mail has no text part it is the decoded text/html part instead.
	Body string
	// HTML is the decoded text/html part, if any.
	HTML string
	// Header is the top-level header as parsed by net/mail (raw, undecoded).
	Header mail.Header
	// AuthUser is the username given with AUTH, empty if none.
	AuthUser string
	// Raw is the message exactly as received after dot-unstuffing (CRLF
	// line endings).
	Raw      []byte
	Received time.Time
}

func (m Mail) clone() Mail {
	c := m
	c.To = append([]string(nil), m.To...)
	c.Raw = append([]byte(nil), m.Raw...)
	if m.Header != nil {
		c.Header = make(mail.Header, len(m.Header))
		for k, v := range m.Header {
			c.Header[k] = append([]string(nil), v...)
		}
	}
	return c
}

// Option changes how Start serves.
type Option func(*options)

type options struct {
	startTLS, implicitTLS bool
}

// WithStartTLS offers STARTTLS (plain-text greeting, upgrade on request).
func WithStartTLS() Option {
	return func(o *options) { o.startTLS = true }
}

// WithImplicitTLS speaks TLS from the first byte (SMTPS).
func WithImplicitTLS() Option {
	return func(o *options) { o.implicitTLS = true }
}

// Sink is a running SMTP test server. Its methods are safe for concurrent
// use.
type Sink struct {
	addr    *net.TCPAddr
	ln      net.Listener
	srv     *smtp.Server
	rootCAs *x509.CertPool

	mu     sync.Mutex
	msgs   []Mail
	notify chan struct{} // closed and replaced whenever a mail arrives
	refuse map[string]bool
	delay  time.Duration

	served    chan struct{} // closed when Serve has returned
	closeOnce sync.Once
	closeErr  error
}

// Start listens on 127.0.0.1 on a free port and serves in the background.
func Start(opts ...Option) (*Sink, error) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	s := &Sink{notify: make(chan struct{}), served: make(chan struct{})}
	var tlsConfig *tls.Config
	if o.startTLS || o.implicitTLS {
		var err error
		if tlsConfig, s.rootCAs, err = selfSigned(); err != nil {
			return nil, err
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("smtpsink: listen: %w", err)
	}
	s.addr = ln.Addr().(*net.TCPAddr)
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) {
		return &session{sink: s}, nil
	}))
	srv.Domain = "smtpsink.test"
	// Plain-text AUTH is how tests of TLS "none" send credentials; a sink
	// that offers STARTTLS refuses it like a real server would, so a sender
	// that leaks credentials before upgrading fails.
	srv.AllowInsecureAuth = !o.startTLS
	srv.EnableSMTPUTF8 = true
	srv.MaxMessageBytes = maxMessageBytes
	srv.MaxRecipients = maxRecipients
	srv.ReadTimeout, srv.WriteTimeout = idleTimeout, idleTimeout
	// Failed handshakes and dropped clients are what some tests are about;
	// they are not worth a line on stderr.
	srv.ErrorLog = log.New(io.Discard, "", 0)
	if o.startTLS {
		srv.TLSConfig = tlsConfig // left nil, STARTTLS is not offered
	}
	if o.implicitTLS {
		ln = tls.NewListener(ln, tlsConfig)
	}
	s.ln, s.srv = ln, srv
	go func() {
		defer close(s.served)
		_ = srv.Serve(ln)
	}()
	return s, nil
}

// Addr returns "127.0.0.1:port".
func (s *Sink) Addr() string { return s.addr.String() }

// Host returns the listening IP, "127.0.0.1".
func (s *Sink) Host() string { return s.addr.IP.String() }

// Port returns the listening TCP port.
func (s *Sink) Port() int { return s.addr.Port }

// RootCAs returns the pool a client must trust to verify the sink's
// certificate; nil when the sink serves no TLS.
func (s *Sink) RootCAs() *x509.CertPool { return s.rootCAs }

// Close stops accepting and drops open connections. Delivered messages stay
// readable. It is safe to call more than once.
func (s *Sink) Close() error {
	s.closeOnce.Do(func() {
		s.closeErr = s.srv.Close()
		// go-smtp closes only the listeners Serve has registered: one that
		// Serve has not reached yet would otherwise be left accepting.
		_ = s.ln.Close()
		<-s.served
	})
	return s.closeErr
}

// Messages returns copies of all accepted mails, oldest first.
func (s *Sink) Messages() []Mail {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Mail, len(s.msgs))
	for i, m := range s.msgs {
		out[i] = m.clone()
	}
	return out
}

// Reset forgets all accepted mails.
func (s *Sink) Reset() {
	s.mu.Lock()
	s.msgs = nil
	s.mu.Unlock()
}

// WaitFor returns the newest mail with an envelope recipient equal to to
// (case-insensitive), waiting up to timeout for one to arrive.
func (s *Sink) WaitFor(to string, timeout time.Duration) (Mail, error) {
	to = strings.TrimSpace(to)
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	for {
		s.mu.Lock()
		for i := len(s.msgs) - 1; i >= 0; i-- {
			for _, r := range s.msgs[i].To {
				if strings.EqualFold(r, to) {
					m := s.msgs[i].clone()
					s.mu.Unlock()
					return m, nil
				}
			}
		}
		ch, n := s.notify, len(s.msgs)
		s.mu.Unlock()

		select {
		case <-ch:
		case <-timer.C:
			return Mail{}, fmt.Errorf("smtpsink: no mail to %q within %s (%d mails held)", to, timeout, n)
		}
	}
}

func (s *Sink) store(m Mail) {
	s.mu.Lock()
	s.msgs = append(s.msgs, m)
	close(s.notify)
	s.notify = make(chan struct{})
	s.mu.Unlock()
}

// Refuse makes the sink answer RCPT TO addr (case-insensitive) with a temporary failure, as a
// full mailbox or a greylisting server does, so the sender's retry path can be tested.
func (s *Sink) Refuse(addr string) {
	s.mu.Lock()
	if s.refuse == nil {
		s.refuse = map[string]bool{}
	}
	s.refuse[strings.ToLower(strings.TrimSpace(addr))] = true
	s.mu.Unlock()
}

// SetDelay makes the sink wait d before accepting each message, like a slow relay, so a test
// can keep a sender busy long enough for another to compete with it.
func (s *Sink) SetDelay(d time.Duration) {
	s.mu.Lock()
	s.delay = d
	s.mu.Unlock()
}

func (s *Sink) acceptDelay() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.delay
}

func (s *Sink) refuses(addr string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.refuse[strings.ToLower(strings.TrimSpace(addr))]
}
