// Package smtpsink is a minimal in-process SMTP server for tests. A test
// starts it on 127.0.0.1 with a random port, points the mail adapter at it
// (plain SMTP, no TLS) and then inspects the delivered mails.
//
//	sink, err := smtpsink.Start()
//	...
//	defer sink.Close()
//	// configure the sender with sink.Host(), sink.Port(), TLS "none"
//	m, err := sink.WaitFor("alice@example.com", 5*time.Second)
//
// It accepts any sender and recipient, accepts AUTH PLAIN / AUTH LOGIN with
// any credentials, never offers STARTTLS and keeps every message in memory.
package smtpsink

import (
	"errors"
	"fmt"
	"net"
	"net/mail"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Limits applied to every connection.
const (
	// MaxMessageSize is the largest DATA payload accepted (advertised as SIZE).
	MaxMessageSize = 32 << 20
	// MaxRecipients is the largest number of RCPT TO per transaction.
	MaxRecipients = 1000
	// IdleTimeout closes a connection that sends nothing for this long.
	IdleTimeout = 2 * time.Minute
	maxCmdLine  = 4096
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

// Sink is a running SMTP test server. Its methods are safe for concurrent
// use.
type Sink struct {
	ln net.Listener

	mu     sync.Mutex
	msgs   []Mail
	notify chan struct{} // closed and replaced whenever a mail arrives
	refuse map[string]bool
	delay  time.Duration
	conns  map[net.Conn]struct{}
	closed bool

	wg        sync.WaitGroup
	closeOnce sync.Once
	closeErr  error
}

// Start listens on 127.0.0.1 on a free port and serves in the background.
func Start() (*Sink, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("smtpsink: listen: %w", err)
	}
	s := &Sink{
		ln:     ln,
		notify: make(chan struct{}),
		conns:  make(map[net.Conn]struct{}),
	}
	s.wg.Add(1)
	go s.serve()
	return s, nil
}

// Addr returns "127.0.0.1:port".
func (s *Sink) Addr() string { return s.ln.Addr().String() }

// Host returns the listening IP, "127.0.0.1".
func (s *Sink) Host() string {
	host, _, err := net.SplitHostPort(s.Addr())
	if err != nil {
		return "127.0.0.1"
	}
	return host
}

// Port returns the listening TCP port.
func (s *Sink) Port() int {
	if a, ok := s.ln.Addr().(*net.TCPAddr); ok {
		return a.Port
	}
	_, p, _ := net.SplitHostPort(s.Addr())
	n, _ := strconv.Atoi(p)
	return n
}

// Close stops accepting, closes open connections and waits for every
// connection handler to return. Delivered messages stay readable. It is
// safe to call more than once.
func (s *Sink) Close() error {
	s.closeOnce.Do(func() {
		s.mu.Lock()
		s.closed = true
		for c := range s.conns {
			_ = c.Close()
		}
		s.mu.Unlock()
		s.closeErr = s.ln.Close()
		s.wg.Wait()
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
	return s.refuse[strings.ToLower(addr)]
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

func (s *Sink) serve() {
	defer s.wg.Done()
	var backoff time.Duration
	for {
		conn, err := s.ln.Accept()
		if err != nil {
			if s.isClosed() || errors.Is(err, net.ErrClosed) {
				return
			}
			// Transient accept error (e.g. out of file descriptors).
			if backoff == 0 {
				backoff = 5 * time.Millisecond
			} else if backoff < time.Second {
				backoff *= 2
			}
			time.Sleep(backoff)
			continue
		}
		backoff = 0

		s.mu.Lock()
		if s.closed {
			s.mu.Unlock()
			_ = conn.Close()
			return
		}
		s.conns[conn] = struct{}{}
		s.wg.Add(1)
		s.mu.Unlock()

		go func() {
			defer s.wg.Done()
			defer func() {
				s.mu.Lock()
				delete(s.conns, conn)
				s.mu.Unlock()
				_ = conn.Close()
			}()
			newSession(s, conn).run()
		}()
	}
}

func (s *Sink) isClosed() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.closed
}
