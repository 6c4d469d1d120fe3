package smtpsink_test

import (
	"context"
	"encoding/base64"
	"fmt"
	"net"
	"net/smtp"
	"net/textproto"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"kami/internal/adapter/smtpmail"
	"kami/internal/testkit/smtpsink"
)

func start(t *testing.T) *smtpsink.Sink {
	t.Helper()
	s, err := smtpsink.Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

var urlRe = regexp.MustCompile(`https?://[^\s"'<>]+`)

func TestAddr(t *testing.T) {
	s := start(t)
	if s.Host() != "127.0.0.1" {
		t.Errorf("Host = %q", s.Host())
	}
	if s.Port() <= 0 {
		t.Errorf("Port = %d", s.Port())
	}
	if want := fmt.Sprintf("127.0.0.1:%d", s.Port()); s.Addr() != want {
		t.Errorf("Addr = %q, want %q", s.Addr(), want)
	}
}

// The real adapter, as the application uses it, against the sink.
func TestSmtpmailSenderDelivers(t *testing.T) {
	s := start(t)
	sender, err := smtpmail.New(smtpmail.Config{
		Host: s.Host(), Port: s.Port(), From: "noreply@kami.test", FromName: "Kami",
		Username: "any", Password: "thing", TLS: "none", Timeout: 5 * time.Second,
	})
	if err != nil {
		t.Fatal(err)
	}
	link := "https://kami.test/verify?token=Zx9_-Q&next=%2Fhome"
	err = sender.Send(context.Background(), smtpmail.Message{
		To:      "User@Example.com",
		Subject: "密码已修改",
		Text:    strings.Repeat("很长的一行文字，用来触发 quoted-printable 软换行。", 5) + "\n" + link + "\n",
		HTML:    `<p>点击 <a href="` + link + `">这里</a></p>`,
	})
	if err != nil {
		t.Fatalf("Send: %v", err)
	}

	m, err := s.WaitFor("user@example.com", 2*time.Second) // case-insensitive
	if err != nil {
		t.Fatal(err)
	}
	if m.Subject != "密码已修改" {
		t.Errorf("Subject = %q", m.Subject)
	}
	if len(m.To) != 1 || m.To[0] != "User@Example.com" {
		t.Errorf("To = %v", m.To)
	}
	if m.From != "noreply@kami.test" {
		t.Errorf("From = %q", m.From)
	}
	if got := urlRe.FindString(m.Body); got != link {
		t.Errorf("URL = %q, want %q\nbody: %q", got, link, m.Body)
	}
	if !strings.Contains(m.Body, strings.Repeat("很长的一行文字，用来触发 quoted-printable 软换行。", 5)) {
		t.Errorf("soft line breaks not undone: %q", m.Body)
	}
	if !strings.Contains(m.HTML, `href="`+link+`"`) {
		t.Errorf("HTML = %q", m.HTML)
	}
	if m.AuthUser != "any" {
		t.Errorf("AuthUser = %q", m.AuthUser)
	}
	if len(m.Raw) == 0 || !strings.Contains(string(m.Raw), "\r\n") {
		t.Error("Raw missing or without CRLF")
	}
}

func TestStdlibClientWithDotStuffing(t *testing.T) {
	s := start(t)
	body := "Subject: plain\r\nFrom: a@x.test\r\nTo: b@x.test\r\n\r\n" +
		".leading dot\r\n..two dots\r\n.\r\nnot the end\r\nlast http://u.test/p\r\n"
	// net/smtp dot-stuffs; PLAIN auth is allowed to 127.0.0.1 without TLS.
	auth := smtp.PlainAuth("", "user", "pass", "127.0.0.1")
	if err := smtp.SendMail(s.Addr(), auth, "a@x.test", []string{"b@x.test", "c@x.test"}, []byte(body)); err != nil {
		t.Fatalf("SendMail: %v", err)
	}
	m, err := s.WaitFor("c@x.test", time.Second)
	if err != nil {
		t.Fatal(err)
	}
	want := ".leading dot\n..two dots\n.\nnot the end\nlast http://u.test/p\n"
	if m.Body != want {
		t.Errorf("Body = %q, want %q", m.Body, want)
	}
	if m.Subject != "plain" || len(m.To) != 2 || m.AuthUser != "user" {
		t.Errorf("got %+v", m)
	}
}

func TestMultipartBase64AndQuotedPrintable(t *testing.T) {
	s := start(t)
	text := "验证链接: https://kami.test/a?b=c\n"
	html := `<a href="https://kami.test/a?b=c">链接</a>`
	b64 := base64.StdEncoding.EncodeToString([]byte(text))
	// Wrap base64 at 20 chars to exercise line handling.
	var wrapped strings.Builder
	for i := 0; i < len(b64); i += 20 {
		wrapped.WriteString(b64[i:min(i+20, len(b64))] + "\r\n")
	}
	raw := "Subject: =?UTF-8?B?" + base64.StdEncoding.EncodeToString([]byte("密码已修改")) + "?=\r\n" +
		"MIME-Version: 1.0\r\n" +
		"Content-Type: multipart/mixed; boundary=outer\r\n\r\n" +
		"--outer\r\n" +
		"Content-Type: multipart/alternative; boundary=\"inner\"\r\n\r\n" +
		"--inner\r\n" +
		"Content-Type: text/plain; charset=utf-8\r\n" +
		"Content-Transfer-Encoding: base64\r\n\r\n" +
		wrapped.String() +
		"--inner\r\n" +
		"Content-Type: text/html; charset=utf-8\r\n" +
		"Content-Transfer-Encoding: quoted-printable\r\n\r\n" +
		"<a href=3D\"https://kami.test/a?b=3Dc\">=E9=93=BE=E6=8E=A5</a>\r\n" +
		"--inner--\r\n" +
		"--outer\r\n" +
		"Content-Type: text/plain\r\nContent-Disposition: attachment; filename=x.txt\r\n\r\n" +
		"attachment text\r\n" +
		"--outer--\r\n"
	if err := smtp.SendMail(s.Addr(), nil, "a@x.test", []string{"r@x.test"}, []byte(raw)); err != nil {
		t.Fatal(err)
	}
	m, err := s.WaitFor("r@x.test", time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if m.Subject != "密码已修改" {
		t.Errorf("Subject = %q", m.Subject)
	}
	if m.Body != text {
		t.Errorf("Body = %q, want %q", m.Body, text)
	}
	if m.HTML != html { // the CRLF before a boundary belongs to the delimiter
		t.Errorf("HTML = %q", m.HTML)
	}
}

func TestHTMLOnlyAndLatin1(t *testing.T) {
	s := start(t)
	raw := "Subject: =?ISO-8859-1?Q?caf=E9?=\r\nContent-Type: text/html; charset=iso-8859-1\r\n" +
		"Content-Transfer-Encoding: quoted-printable\r\n\r\n<p>caf=E9 http://k.test/z</p>\r\n"
	if err := smtp.SendMail(s.Addr(), nil, "", []string{"h@x.test"}, []byte(raw)); err != nil {
		t.Fatal(err)
	}
	m, err := s.WaitFor("h@x.test", time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if m.Subject != "café" || !strings.Contains(m.Body, "café") || m.Body != m.HTML {
		t.Errorf("got subject %q body %q html %q", m.Subject, m.Body, m.HTML)
	}
	if m.From != "" {
		t.Errorf("null reverse-path: From = %q", m.From)
	}
}

// dialRaw opens a raw SMTP conversation and consumes the greeting.
func dialRaw(t *testing.T, s *smtpsink.Sink) *textproto.Conn {
	t.Helper()
	c, err := textproto.Dial("tcp", s.Addr())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	expect(t, c, 220)
	return c
}

func expect(t *testing.T, c *textproto.Conn, code int) string {
	t.Helper()
	_, msg, err := c.ReadResponse(code)
	if err != nil {
		t.Fatalf("want %d: %v", code, err)
	}
	return msg
}

func cmd(t *testing.T, c *textproto.Conn, code int, format string, args ...any) string {
	t.Helper()
	if err := c.PrintfLine(format, args...); err != nil {
		t.Fatal(err)
	}
	return expect(t, c, code)
}

func TestProtocol(t *testing.T) {
	s := start(t)
	c := dialRaw(t, s)

	ehlo := cmd(t, c, 250, "EHLO client.test")
	for _, ext := range []string{"8BITMIME", "SMTPUTF8", "AUTH PLAIN LOGIN"} {
		if !strings.Contains(ehlo, ext) {
			t.Errorf("EHLO lacks %s: %q", ext, ehlo)
		}
	}
	if strings.Contains(ehlo, "STARTTLS") {
		t.Errorf("EHLO offers STARTTLS: %q", ehlo)
	}
	cmd(t, c, 250, "HELO client.test")
	cmd(t, c, 250, "NOOP")
	cmd(t, c, 502, "STARTTLS")
	cmd(t, c, 500, "BOGUS")
	cmd(t, c, 503, "RCPT TO:<x@y.test>")
	cmd(t, c, 503, "DATA")
	cmd(t, c, 501, "MAIL <x@y.test>")

	// AUTH LOGIN, interactive.
	u := base64.StdEncoding.EncodeToString([]byte("login-user"))
	if prompt := cmd(t, c, 334, "AUTH LOGIN"); prompt != base64.StdEncoding.EncodeToString([]byte("Username:")) {
		t.Errorf("prompt %q", prompt)
	}
	cmd(t, c, 334, "%s", u)
	cmd(t, c, 235, "%s", base64.StdEncoding.EncodeToString([]byte("whatever")))
	cmd(t, c, 503, "AUTH PLAIN") // already authenticated

	cmd(t, c, 250, "MAIL FROM:<from@x.test> BODY=8BITMIME SMTPUTF8")
	cmd(t, c, 503, "MAIL FROM:<again@x.test>")
	cmd(t, c, 250, "RCPT TO:<dropped@x.test>")
	cmd(t, c, 250, "RSET")
	cmd(t, c, 503, "RCPT TO:<x@y.test>") // RSET cleared the transaction

	cmd(t, c, 250, "MAIL FROM:<from@x.test>")
	cmd(t, c, 250, "RCPT TO:<to@x.test>")
	cmd(t, c, 354, "DATA")
	for _, l := range []string{"Subject: raw", "", "..stuffed", "body"} {
		if err := c.PrintfLine("%s", l); err != nil {
			t.Fatal(err)
		}
	}
	cmd(t, c, 250, ".")
	cmd(t, c, 221, "QUIT")

	m, err := s.WaitFor("to@x.test", time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if m.Body != ".stuffed\nbody\n" || m.Subject != "raw" || m.From != "from@x.test" || m.AuthUser != "login-user" {
		t.Errorf("got %+v", m)
	}
	if _, err := s.WaitFor("dropped@x.test", 50*time.Millisecond); err == nil {
		t.Error("RSET transaction was delivered")
	}
}

func TestAuthPlainVariants(t *testing.T) {
	s := start(t)
	resp := base64.StdEncoding.EncodeToString([]byte("\x00plain-user\x00pw"))

	c := dialRaw(t, s)
	cmd(t, c, 250, "EHLO c")
	cmd(t, c, 235, "AUTH PLAIN %s", resp)

	c2 := dialRaw(t, s)
	cmd(t, c2, 250, "EHLO c")
	cmd(t, c2, 334, "AUTH PLAIN")
	cmd(t, c2, 235, "%s", resp)

	c3 := dialRaw(t, s)
	cmd(t, c3, 504, "AUTH CRAM-MD5")
	cmd(t, c3, 501, "AUTH PLAIN !!!notbase64")
	cmd(t, c3, 334, "AUTH LOGIN")
	cmd(t, c3, 501, "*")
}

func TestWaitForNewestTimeoutAndReset(t *testing.T) {
	s := start(t)
	send := func(to, subj string) {
		t.Helper()
		msg := "Subject: " + subj + "\r\n\r\nbody\r\n"
		if err := smtp.SendMail(s.Addr(), nil, "a@x.test", []string{to}, []byte(msg)); err != nil {
			t.Fatal(err)
		}
	}

	t0 := time.Now()
	if _, err := s.WaitFor("nobody@x.test", 100*time.Millisecond); err == nil {
		t.Fatal("WaitFor on empty sink succeeded")
	}
	if d := time.Since(t0); d < 90*time.Millisecond || d > 2*time.Second {
		t.Errorf("WaitFor timeout took %s", d)
	}

	// A mail that arrives while waiting wakes the waiter.
	done := make(chan smtpsink.Mail, 1)
	go func() {
		m, err := s.WaitFor("late@x.test", 5*time.Second)
		if err != nil {
			t.Error(err)
		}
		done <- m
	}()
	time.Sleep(50 * time.Millisecond)
	send("other@x.test", "noise")
	send("late@x.test", "late")
	select {
	case m := <-done:
		if m.Subject != "late" {
			t.Errorf("got %q", m.Subject)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("waiter not woken")
	}

	send("late@x.test", "later")
	if m, _ := s.WaitFor("late@x.test", time.Second); m.Subject != "later" {
		t.Errorf("WaitFor returned %q, want newest", m.Subject)
	}
	if n := len(s.Messages()); n != 3 {
		t.Errorf("Messages = %d", n)
	}
	msgs := s.Messages()
	msgs[0].To[0] = "mutated"
	if s.Messages()[0].To[0] == "mutated" {
		t.Error("Messages does not copy")
	}

	s.Reset()
	if n := len(s.Messages()); n != 0 {
		t.Errorf("after Reset: %d", n)
	}
	if _, err := s.WaitFor("late@x.test", 20*time.Millisecond); err == nil {
		t.Error("WaitFor found a mail after Reset")
	}
}

func TestManyConcurrentClients(t *testing.T) {
	s := start(t)
	const n = 40
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			msg := fmt.Sprintf("Subject: m%d\r\n\r\nhttp://k.test/%d\r\n", i, i)
			if err := smtp.SendMail(s.Addr(), nil, "a@x.test", []string{fmt.Sprintf("u%d@x.test", i)}, []byte(msg)); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if got := len(s.Messages()); got != n {
		t.Fatalf("got %d messages, want %d", got, n)
	}
	for i := range n {
		m, err := s.WaitFor(fmt.Sprintf("u%d@x.test", i), time.Second)
		if err != nil {
			t.Fatal(err)
		}
		if urlRe.FindString(m.Body) != fmt.Sprintf("http://k.test/%d", i) {
			t.Errorf("u%d body %q", i, m.Body)
		}
	}
}

func TestCloseStopsIdleConnectionsAndListener(t *testing.T) {
	s, err := smtpsink.Start()
	if err != nil {
		t.Fatal(err)
	}
	// An idle client that never says QUIT.
	c, err := net.Dial("tcp", s.Addr())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	buf := make([]byte, 512)
	if _, err := c.Read(buf); err != nil { // greeting
		t.Fatal(err)
	}

	closed := make(chan error, 1)
	go func() { closed <- s.Close() }()
	select {
	case err := <-closed:
		if err != nil {
			t.Errorf("Close: %v", err)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("Close blocked on an idle connection")
	}

	_ = c.SetReadDeadline(time.Now().Add(2 * time.Second))
	if _, err := c.Read(buf); err == nil {
		t.Error("idle connection still open after Close")
	}
	if c2, err := net.DialTimeout("tcp", s.Addr(), time.Second); err == nil {
		_ = c2.Close()
		t.Error("still accepting after Close")
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

func TestOversizedCommandLine(t *testing.T) {
	s := start(t)
	c := dialRaw(t, s)
	cmd(t, c, 500, "NOOP %s", strings.Repeat("x", 10000))
	cmd(t, c, 250, "NOOP")
}

// A refused recipient fails the send with a temporary error; others still go through.
func TestRefuse(t *testing.T) {
	s := start(t)
	s.Refuse("Busy@Example.com")
	sender, err := smtpmail.New(smtpmail.Config{Host: s.Host(), Port: s.Port(), From: "noreply@kami.test", TLS: "none", Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	err = sender.Send(context.Background(), smtpmail.Message{To: "busy@example.com", Subject: "x", Text: "x"})
	if err == nil || !strings.Contains(err.Error(), "451") {
		t.Fatalf("send to a refused address: %v", err)
	}
	if err = sender.Send(context.Background(), smtpmail.Message{To: "free@example.com", Subject: "y", Text: "y"}); err != nil {
		t.Fatal(err)
	}
	if got := s.Messages(); len(got) != 1 || got[0].To[0] != "free@example.com" {
		t.Fatalf("held: %+v", got)
	}
}
