package smtpsink_test

import (
	"crypto/tls"
	"fmt"
	"net"
	"net/smtp"
	"strings"
	"testing"
	"time"

	"kami/internal/testkit/smtpsink"
)

func start(t *testing.T, opts ...smtpsink.Option) *smtpsink.Sink {
	t.Helper()
	s, err := smtpsink.Start(opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// sendVia runs one transaction on an open client and says goodbye.
func sendVia(t *testing.T, c *smtp.Client, auth smtp.Auth, from, to, msg string) error {
	t.Helper()
	defer c.Close()
	if auth != nil {
		if err := c.Auth(auth); err != nil {
			return err
		}
	}
	if err := c.Mail(from); err != nil {
		return err
	}
	if err := c.Rcpt(to); err != nil {
		return err
	}
	w, err := c.Data()
	if err != nil {
		return err
	}
	if _, err := w.Write([]byte(msg)); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return c.Quit()
}

func TestNetSMTPMailArrives(t *testing.T) {
	s := start(t)
	if s.Host() != "127.0.0.1" || s.Addr() != fmt.Sprintf("127.0.0.1:%d", s.Port()) {
		t.Fatalf("Host %q Port %d Addr %q", s.Host(), s.Port(), s.Addr())
	}
	body := "Subject: plain\r\nFrom: a@x.test\r\nTo: b@x.test\r\n\r\n" +
		".leading dot\r\n..two dots\r\n.\r\nnot the end\r\nlast http://u.test/p\r\n"
	// net/smtp dot-stuffs; PLAIN auth is allowed to 127.0.0.1 without TLS.
	auth := smtp.PlainAuth("", "user", "pass", "127.0.0.1")
	if err := smtp.SendMail(s.Addr(), auth, "a@x.test", []string{"b@x.test", "C@x.test"}, []byte(body)); err != nil {
		t.Fatalf("SendMail: %v", err)
	}

	m, err := s.WaitFor("c@X.test", time.Second) // recipients match case-insensitively
	if err != nil {
		t.Fatal(err)
	}
	if want := ".leading dot\n..two dots\n.\nnot the end\nlast http://u.test/p\n"; m.Body != want {
		t.Errorf("Body = %q, want %q", m.Body, want)
	}
	if m.Subject != "plain" || m.From != "a@x.test" || m.AuthUser != "user" ||
		strings.Join(m.To, ",") != "b@x.test,C@x.test" || m.Header.Get("To") != "b@x.test" {
		t.Errorf("got %+v", m)
	}
	if !strings.Contains(string(m.Raw), "\r\n..two dots\r\n") {
		t.Errorf("Raw not dot-unstuffed with CRLF: %q", m.Raw)
	}
	if got := s.Messages(); len(got) != 1 || got[0].Subject != "plain" {
		t.Errorf("Messages = %+v", got)
	}
}

func TestTLSOnlyWhenAsked(t *testing.T) {
	c, err := smtp.Dial(start(t).Addr())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Hello("client.test"); err != nil {
		t.Fatal(err)
	}
	if ok, _ := c.Extension("STARTTLS"); ok {
		t.Error("plain sink offers STARTTLS")
	}
	if ok, mechs := c.Extension("AUTH"); !ok || !strings.Contains(mechs, "PLAIN") {
		t.Errorf("AUTH = %v %q", ok, mechs)
	}
}

// A sink that offers STARTTLS refuses credentials before the upgrade, so a
// sender test notices one that would leak them.
func TestStartTLSSinkRefusesPlainTextAuth(t *testing.T) {
	c, err := smtp.Dial(start(t, smtpsink.WithStartTLS()).Addr())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Auth(smtp.PlainAuth("", "u", "pw", "127.0.0.1")); err == nil {
		t.Error("AUTH accepted before STARTTLS")
	}
}

func TestTLSModes(t *testing.T) {
	dial := map[string]func(s *smtpsink.Sink, cfg *tls.Config) (*smtp.Client, error){
		"starttls": func(s *smtpsink.Sink, cfg *tls.Config) (*smtp.Client, error) {
			c, err := smtp.Dial(s.Addr())
			if err != nil {
				return nil, err
			}
			if err := c.StartTLS(cfg); err != nil {
				_ = c.Close()
				return nil, err
			}
			return c, nil
		},
		"implicit": func(s *smtpsink.Sink, cfg *tls.Config) (*smtp.Client, error) {
			conn, err := tls.Dial("tcp", s.Addr(), cfg)
			if err != nil {
				return nil, err
			}
			return smtp.NewClient(conn, s.Host())
		},
	}
	opts := map[string]smtpsink.Option{"starttls": smtpsink.WithStartTLS(), "implicit": smtpsink.WithImplicitTLS()}
	for mode, dialer := range dial {
		t.Run(mode, func(t *testing.T) {
			s := start(t, opts[mode])
			if _, err := dialer(s, &tls.Config{ServerName: s.Host()}); err == nil {
				t.Fatal("certificate verified without the sink's RootCAs")
			}
			c, err := dialer(s, &tls.Config{ServerName: s.Host(), RootCAs: s.RootCAs()})
			if err != nil {
				t.Fatal(err)
			}
			auth := smtp.PlainAuth("", "tls-user", "pw", s.Host())
			if err := sendVia(t, c, auth, "a@x.test", "t@x.test", "Subject: over tls\r\n\r\nhi\r\n"); err != nil {
				t.Fatal(err)
			}
			m, err := s.WaitFor("t@x.test", time.Second)
			if err != nil {
				t.Fatal(err)
			}
			if m.Subject != "over tls" || m.AuthUser != "tls-user" {
				t.Errorf("got %+v", m)
			}
		})
	}
}

func TestWaitForResetAndMessages(t *testing.T) {
	s := start(t)
	send := func(to, subj string) {
		t.Helper()
		if err := smtp.SendMail(s.Addr(), nil, "a@x.test", []string{to}, []byte("Subject: "+subj+"\r\n\r\nbody\r\n")); err != nil {
			t.Fatal(err)
		}
	}

	// A waiter is woken by a mail that arrives later, and not by one to
	// somebody else.
	done := make(chan smtpsink.Mail, 1)
	go func() {
		m, _ := s.WaitFor("late@x.test", 10*time.Second)
		done <- m
	}()
	send("other@x.test", "noise")
	send("late@x.test", "late")
	if m := <-done; m.Subject != "late" {
		t.Fatalf("waiter got %q", m.Subject)
	}

	send("late@x.test", "later")
	if m, _ := s.WaitFor("late@x.test", time.Second); m.Subject != "later" {
		t.Errorf("WaitFor returned %q, want the newest", m.Subject)
	}
	msgs := s.Messages()
	if len(msgs) != 3 {
		t.Fatalf("Messages = %d", len(msgs))
	}
	msgs[0].To[0] = "mutated"
	if s.Messages()[0].To[0] == "mutated" {
		t.Error("Messages does not copy")
	}

	s.Reset()
	if n := len(s.Messages()); n != 0 {
		t.Errorf("after Reset: %d", n)
	}
	if _, err := s.WaitFor("late@x.test", 10*time.Millisecond); err == nil {
		t.Error("WaitFor found a mail after Reset")
	}
}

func TestCloseDropsClientsAndStopsListening(t *testing.T) {
	s, err := smtpsink.Start()
	if err != nil {
		t.Fatal(err)
	}
	c, err := smtp.Dial(s.Addr()) // an idle client that never says QUIT
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()

	if err := s.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	if err := c.Noop(); err == nil {
		t.Error("idle connection still served after Close")
	}
	if c2, err := net.Dial("tcp", s.Addr()); err == nil {
		_ = c2.Close()
		t.Error("still accepting after Close")
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	// Close right after Start must not hang on a Serve that has not begun.
	s2, err := smtpsink.Start()
	if err != nil {
		t.Fatal(err)
	}
	if err := s2.Close(); err != nil {
		t.Errorf("Close right after Start: %v", err)
	}
}

// A refused recipient fails the send with a temporary error; others still go through.
func TestRefuse(t *testing.T) {
	s, err := smtpsink.Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	s.Refuse("Busy@Example.com")
	send := func(to string) error {
		return smtp.SendMail(s.Addr(), nil, "noreply@kami.test", []string{to}, []byte("Subject: x\r\n\r\nx\r\n"))
	}
	if err = send("busy@example.com"); err == nil || !strings.Contains(err.Error(), "451") {
		t.Fatalf("send to a refused address: %v", err)
	}
	if err = send("free@example.com"); err != nil {
		t.Fatal(err)
	}
	if got := s.Messages(); len(got) != 1 || got[0].To[0] != "free@example.com" {
		t.Fatalf("held: %+v", got)
	}
}
