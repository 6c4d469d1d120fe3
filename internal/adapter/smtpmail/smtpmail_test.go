package smtpmail_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"kami/internal/adapter/smtpmail"
	"kami/internal/testkit/smtpsink"
)

func startSink(t *testing.T) *smtpsink.Sink {
	t.Helper()
	sink, err := smtpsink.Start()
	if err != nil {
		t.Fatalf("start sink: %v", err)
	}
	t.Cleanup(func() { _ = sink.Close() })
	return sink
}

func sinkConfig(sink *smtpsink.Sink) smtpmail.Config {
	return smtpmail.Config{
		Host:     sink.Host(),
		Port:     sink.Port(),
		From:     "noreply@kami.test",
		FromName: "Kami 通知",
		TLS:      "none",
		Timeout:  5 * time.Second,
	}
}

func newSender(t *testing.T, cfg smtpmail.Config) *smtpmail.Sender {
	t.Helper()
	s, err := smtpmail.New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return s
}

var urlRe = regexp.MustCompile(`https?://[^\s"'<>]+`)

func TestSend_TextAndHTMLToSink(t *testing.T) {
	sink := startSink(t)
	s := newSender(t, sinkConfig(sink))

	link := "https://kami.test/reset?token=abc123&uid=42"
	msg := smtpmail.Message{
		To:      "alice@example.com",
		Subject: "密码已修改",
		Text:    "您好，\n您的密码已修改。如非本人操作，请点击：\n" + link + "\n谢谢",
		HTML:    `<p>您好，</p><p>您的密码已修改。<a href="` + strings.ReplaceAll(link, "&", "&amp;") + `">重置</a></p>`,
	}
	if err := s.Send(context.Background(), msg); err != nil {
		t.Fatalf("Send: %v", err)
	}

	got, err := sink.WaitFor("alice@example.com", 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if got.Subject != "密码已修改" {
		t.Errorf("subject = %q", got.Subject)
	}
	if len(got.To) != 1 || got.To[0] != "alice@example.com" {
		t.Errorf("envelope to = %v", got.To)
	}
	if got.From != "noreply@kami.test" {
		t.Errorf("envelope from = %q", got.From)
	}
	if u := urlRe.FindString(got.Body); u != link {
		t.Errorf("url in body = %q, want %q\nbody:\n%s", u, link, got.Body)
	}
	if !strings.Contains(got.Body, "您的密码已修改") {
		t.Errorf("body lost UTF-8 text:\n%s", got.Body)
	}
	if !strings.Contains(got.HTML, `<a href="https://kami.test/reset?token=abc123&amp;uid=42">`) {
		t.Errorf("html part = %q", got.HTML)
	}
	if ct := got.Header.Get("Content-Type"); !strings.HasPrefix(ct, "multipart/alternative") {
		t.Errorf("content-type = %q, want multipart/alternative", ct)
	}
	if from, err := got.Header.AddressList("From"); err != nil || len(from) != 1 ||
		from[0].Name != "Kami 通知" || from[0].Address != "noreply@kami.test" {
		t.Errorf("From header = %v (%v)", from, err)
	}
	if id := got.Header.Get("Message-Id"); !strings.HasSuffix(id, "@kami.test>") {
		t.Errorf("Message-Id = %q", id)
	}
	if got.Header.Get("Date") == "" {
		t.Error("missing Date header")
	}
	if got.AuthUser != "" {
		t.Errorf("authenticated without credentials: %q", got.AuthUser)
	}
}

func TestSend_SinglePartBodies(t *testing.T) {
	sink := startSink(t)
	s := newSender(t, sinkConfig(sink))
	ctx := context.Background()

	if err := s.Send(ctx, smtpmail.Message{To: "text@example.com", Subject: "t", Text: "go to http://x.test/a"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Send(ctx, smtpmail.Message{To: "html@example.com", Subject: "h", HTML: `<a href="http://x.test/b">b</a>`}); err != nil {
		t.Fatal(err)
	}

	m, err := sink.WaitFor("text@example.com", time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if ct := m.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") || m.HTML != "" {
		t.Errorf("text-only: content-type %q html %q", ct, m.HTML)
	}
	if urlRe.FindString(m.Body) != "http://x.test/a" {
		t.Errorf("text-only body %q", m.Body)
	}

	m, err = sink.WaitFor("html@example.com", time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if ct := m.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		t.Errorf("html-only: content-type %q", ct)
	}
	if !strings.Contains(m.HTML, `href="http://x.test/b"`) {
		t.Errorf("html-only html %q", m.HTML)
	}
}

func TestSend_WithCredentialsOverPlainSMTP(t *testing.T) {
	sink := startSink(t)
	cfg := sinkConfig(sink)
	cfg.Username = "mailer"
	cfg.Password = "s3cret-pass"
	s := newSender(t, cfg)

	if err := s.Send(context.Background(), smtpmail.Message{To: "bob@example.com", Subject: "hi", Text: "x"}); err != nil {
		t.Fatalf("Send: %v", err)
	}
	m, err := sink.WaitFor("bob@example.com", time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if m.AuthUser != "mailer" {
		t.Errorf("AuthUser = %q, want mailer", m.AuthUser)
	}
}

func TestSend_ClosedPortFailsFast(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	_ = ln.Close()

	s := newSender(t, smtpmail.Config{
		Host: "127.0.0.1", Port: port, From: "a@kami.test", TLS: "none",
		Username: "u", Password: "hunter2-secret", Timeout: 10 * time.Second,
	})
	start := time.Now()
	err = s.Send(context.Background(), smtpmail.Message{To: "x@example.com", Subject: "s", Text: "b"})
	if err == nil {
		t.Fatal("expected error sending to a closed port")
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %s, want fast failure", d)
	}
	if strings.Contains(err.Error(), "hunter2-secret") {
		t.Errorf("error leaks password: %v", err)
	}
	if !strings.Contains(err.Error(), fmt.Sprintf("127.0.0.1:%d", port)) {
		t.Errorf("error lacks server address: %v", err)
	}
}

// silentServer accepts connections and never says anything.
func silentServer(t *testing.T) (host string, port int) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var (
		mu    sync.Mutex
		conns []net.Conn
		wg    sync.WaitGroup
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		_ = ln.Close()
		wg.Wait()
		mu.Lock()
		for _, c := range conns {
			_ = c.Close()
		}
		mu.Unlock()
	})
	a := ln.Addr().(*net.TCPAddr)
	return a.IP.String(), a.Port
}

func TestSend_ContextDeadlineAbortsStalledServer(t *testing.T) {
	host, port := silentServer(t)
	s := newSender(t, smtpmail.Config{Host: host, Port: port, From: "a@kami.test", TLS: "none", Timeout: time.Minute})

	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := s.Send(ctx, smtpmail.Message{To: "x@example.com", Subject: "s", Text: "b"})
	if err == nil {
		t.Fatal("expected error")
	}
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("want DeadlineExceeded, got %v", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("took %s, ctx not respected", d)
	}
}

func TestSend_ContextCancelAbortsStalledServer(t *testing.T) {
	host, port := silentServer(t)
	s := newSender(t, smtpmail.Config{Host: host, Port: port, From: "a@kami.test", TLS: "none", Timeout: time.Minute})

	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(150*time.Millisecond, cancel)
	start := time.Now()
	err := s.Send(ctx, smtpmail.Message{To: "x@example.com", Subject: "s", Text: "b"})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("want Canceled, got %v", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("took %s, cancel not respected", d)
	}
}

func TestSend_ConfigTimeoutBoundsSend(t *testing.T) {
	host, port := silentServer(t)
	s := newSender(t, smtpmail.Config{Host: host, Port: port, From: "a@kami.test", TLS: "none", Timeout: 200 * time.Millisecond})

	start := time.Now()
	err := s.Send(context.Background(), smtpmail.Message{To: "x@example.com", Subject: "s", Text: "b"})
	if err == nil {
		t.Fatal("expected timeout error")
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("took %s, Timeout not respected", d)
	}
}

func TestSend_AlreadyCancelledContext(t *testing.T) {
	sink := startSink(t)
	s := newSender(t, sinkConfig(sink))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := s.Send(ctx, smtpmail.Message{To: "x@example.com", Subject: "s", Text: "b"})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("want Canceled, got %v", err)
	}
	if n := len(sink.Messages()); n != 0 {
		t.Errorf("sink got %d messages", n)
	}
}

func TestSend_StartTLSMandatory(t *testing.T) {
	// The sink never offers STARTTLS, so a "starttls" sender must refuse to
	// send rather than fall back to plain text.
	sink := startSink(t)
	cfg := sinkConfig(sink)
	cfg.TLS = "starttls"
	cfg.Username, cfg.Password = "u", "topsecret-pw"
	s := newSender(t, cfg)

	err := s.Send(context.Background(), smtpmail.Message{To: "x@example.com", Subject: "s", Text: "b"})
	if err == nil {
		t.Fatal("expected STARTTLS error")
	}
	if !strings.Contains(err.Error(), "STARTTLS") {
		t.Errorf("error = %v", err)
	}
	if strings.Contains(err.Error(), "topsecret-pw") {
		t.Errorf("error leaks password: %v", err)
	}
	if n := len(sink.Messages()); n != 0 {
		t.Errorf("message delivered without TLS")
	}
}

func TestSend_ImplicitTLSAgainstPlainServer(t *testing.T) {
	sink := startSink(t)
	cfg := sinkConfig(sink)
	cfg.TLS = "tls"
	s := newSender(t, cfg)

	start := time.Now()
	err := s.Send(context.Background(), smtpmail.Message{To: "x@example.com", Subject: "s", Text: "b"})
	if err == nil {
		t.Fatal("expected TLS handshake error")
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("took %s", d)
	}
	if n := len(sink.Messages()); n != 0 {
		t.Errorf("message delivered without TLS")
	}
}

func TestSend_InvalidMessage(t *testing.T) {
	s := newSender(t, smtpmail.Config{Host: "127.0.0.1", Port: 1, From: "a@kami.test", TLS: "none"})
	cases := map[string]smtpmail.Message{
		"no recipient":     {Subject: "s", Text: "b"},
		"bad recipient":    {To: "not-an-address", Subject: "s", Text: "b"},
		"display name":     {To: "Bob <bob@example.com>", Subject: "s", Text: "b"},
		"two recipients":   {To: "a@example.com, b@example.com", Subject: "s", Text: "b"},
		"header injection": {To: "a@example.com", Subject: "s\r\nBcc: evil@example.com", Text: "b"},
		"no body":          {To: "a@example.com", Subject: "s"},
	}
	for name, m := range cases {
		t.Run(name, func(t *testing.T) {
			if err := s.Send(context.Background(), m); err == nil {
				t.Fatal("expected validation error")
			}
		})
	}
}

func TestSend_Concurrent(t *testing.T) {
	sink := startSink(t)
	s := newSender(t, sinkConfig(sink))

	const n = 12
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- s.Send(context.Background(), smtpmail.Message{
				To: fmt.Sprintf("user%d@example.com", i), Subject: fmt.Sprintf("n%d", i), Text: "body",
			})
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	for i := range n {
		m, err := sink.WaitFor(fmt.Sprintf("user%d@example.com", i), time.Second)
		if err != nil {
			t.Error(err)
			continue
		}
		if m.Subject != fmt.Sprintf("n%d", i) {
			t.Errorf("user%d got subject %q", i, m.Subject)
		}
	}
}

func TestNew_Validation(t *testing.T) {
	valid := smtpmail.Config{Host: "smtp.example.com", Port: 587, From: "noreply@example.com", TLS: "starttls"}
	with := func(f func(*smtpmail.Config)) smtpmail.Config {
		c := valid
		f(&c)
		return c
	}
	tests := []struct {
		name    string
		cfg     smtpmail.Config
		wantErr string // substring; empty means valid
		check   func(t *testing.T, got smtpmail.Config)
	}{
		{name: "valid", cfg: valid, check: func(t *testing.T, got smtpmail.Config) {
			if got.Timeout != smtpmail.DefaultTimeout {
				t.Errorf("timeout default = %s", got.Timeout)
			}
		}},
		{name: "tls case-insensitive", cfg: with(func(c *smtpmail.Config) { c.TLS = " TLS " }), check: func(t *testing.T, got smtpmail.Config) {
			if got.TLS != "tls" {
				t.Errorf("TLS = %q", got.TLS)
			}
		}},
		{name: "empty tls defaults to starttls", cfg: with(func(c *smtpmail.Config) { c.TLS = "" }), check: func(t *testing.T, got smtpmail.Config) {
			if got.TLS != "starttls" {
				t.Errorf("TLS = %q", got.TLS)
			}
		}},
		{name: "default port none", cfg: with(func(c *smtpmail.Config) { c.Port, c.TLS = 0, "none" }), check: func(t *testing.T, got smtpmail.Config) {
			if got.Port != 25 {
				t.Errorf("port = %d", got.Port)
			}
		}},
		{name: "default port starttls", cfg: with(func(c *smtpmail.Config) { c.Port = 0 }), check: func(t *testing.T, got smtpmail.Config) {
			if got.Port != 587 {
				t.Errorf("port = %d", got.Port)
			}
		}},
		{name: "default port tls", cfg: with(func(c *smtpmail.Config) { c.Port, c.TLS = 0, "tls" }), check: func(t *testing.T, got smtpmail.Config) {
			if got.Port != 465 {
				t.Errorf("port = %d", got.Port)
			}
		}},
		{name: "credentials", cfg: with(func(c *smtpmail.Config) { c.Username, c.Password = "u", "p" })},
		{name: "username without password", cfg: with(func(c *smtpmail.Config) { c.Username = "u" })},
		{name: "explicit timeout kept", cfg: with(func(c *smtpmail.Config) { c.Timeout = 3 * time.Second }), check: func(t *testing.T, got smtpmail.Config) {
			if got.Timeout != 3*time.Second {
				t.Errorf("timeout = %s", got.Timeout)
			}
		}},
		{name: "missing host", cfg: with(func(c *smtpmail.Config) { c.Host = "  " }), wantErr: "host is required"},
		{name: "host with space", cfg: with(func(c *smtpmail.Config) { c.Host = "smtp example.com" }), wantErr: "invalid host"},
		{name: "port negative", cfg: with(func(c *smtpmail.Config) { c.Port = -1 }), wantErr: "port"},
		{name: "port too big", cfg: with(func(c *smtpmail.Config) { c.Port = 70000 }), wantErr: "port"},
		{name: "bad tls", cfg: with(func(c *smtpmail.Config) { c.TLS = "ssl" }), wantErr: "tls must be"},
		{name: "missing from", cfg: with(func(c *smtpmail.Config) { c.From = "" }), wantErr: "from address is required"},
		{name: "bad from", cfg: with(func(c *smtpmail.Config) { c.From = "nope" }), wantErr: "from"},
		{name: "from with display name", cfg: with(func(c *smtpmail.Config) { c.From = "Kami <a@example.com>" }), wantErr: "bare address"},
		{name: "from name newline", cfg: with(func(c *smtpmail.Config) { c.FromName = "a\nBcc: x@y" }), wantErr: "line breaks"},
		{name: "password without username", cfg: with(func(c *smtpmail.Config) { c.Password = "leakme" }), wantErr: "password set without username"},
		{name: "negative timeout", cfg: with(func(c *smtpmail.Config) { c.Timeout = -time.Second }), wantErr: "timeout"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := smtpmail.New(tt.cfg)
			if tt.wantErr != "" {
				if err == nil {
					t.Fatalf("want error containing %q, got nil", tt.wantErr)
				}
				if !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %q does not contain %q", err, tt.wantErr)
				}
				if tt.cfg.Password != "" && strings.Contains(err.Error(), tt.cfg.Password) {
					t.Fatalf("error leaks password: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			if tt.check != nil {
				tt.check(t, s.Config())
			}
		})
	}
}

func TestConfigString_RedactsPassword(t *testing.T) {
	c := smtpmail.Config{Host: "h", Username: "u", Password: "very-secret"}
	for _, s := range []string{c.String(), fmt.Sprint(c), fmt.Sprintf("%+v", c)} {
		if strings.Contains(s, "very-secret") {
			t.Errorf("password leaked: %s", s)
		}
	}
}
