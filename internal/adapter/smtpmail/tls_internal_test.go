package smtpmail

import (
	"context"
	"testing"
	"time"

	"kami/internal/testkit/smtpsink"
)

func TestSend_EncryptedModes(t *testing.T) {
	sinkTLS := map[string]smtpsink.Option{
		TLSImplicit: smtpsink.WithImplicitTLS(),
		TLSStartTLS: smtpsink.WithStartTLS(),
	}
	for mode, opt := range sinkTLS {
		t.Run(mode, func(t *testing.T) {
			sink, err := smtpsink.Start(opt)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = sink.Close() })

			cfg := Config{
				Host: sink.Host(), Port: sink.Port(), From: "noreply@kami.test", TLS: mode,
				Username: "mailer", Password: "pw", Timeout: 5 * time.Second,
			}
			msg := Message{To: "carol@example.com", Subject: "密码已修改", Text: "see https://kami.test/x"}

			// Untrusted certificate: must fail, nothing delivered.
			untrusted, err := New(cfg)
			if err != nil {
				t.Fatal(err)
			}
			if err := untrusted.Send(context.Background(), msg); err == nil {
				t.Fatal("send with unverifiable certificate succeeded")
			}
			if n := len(sink.Messages()); n != 0 {
				t.Fatalf("delivered %d messages over unverified TLS", n)
			}

			s, err := New(cfg)
			if err != nil {
				t.Fatal(err)
			}
			s.rootCAs = sink.RootCAs()
			if err := s.Send(context.Background(), msg); err != nil {
				t.Fatalf("Send: %v", err)
			}
			m, err := sink.WaitFor("carol@example.com", 2*time.Second)
			if err != nil {
				t.Fatal(err)
			}
			if m.Subject != "密码已修改" || m.AuthUser != "mailer" {
				t.Errorf("subject %q authUser %q", m.Subject, m.AuthUser)
			}
		})
	}
}
