package smtpmail

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"io"
	"math/big"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"kami/internal/testkit/smtpsink"
)

// testCert returns a self-signed certificate for 127.0.0.1 and a pool
// trusting it.
func testCert(t *testing.T) (tls.Certificate, *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "smtpmail test"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(time.Hour),
		IPAddresses:           []net.IP{net.ParseIP("127.0.0.1")},
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	leaf, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(leaf)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf}, pool
}

// tlsFront listens on 127.0.0.1 and relays every connection to the sink.
// With startTLS false it is an implicit-TLS front; with startTLS true it
// plays the plain-text greeting/EHLO/STARTTLS part itself, upgrades, then
// relays (dropping the sink's own greeting, which the client has already
// had).
func tlsFront(t *testing.T, sink *smtpsink.Sink, cert tls.Certificate, startTLS bool) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	cfg := &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer c.Close()
				_ = c.SetDeadline(time.Now().Add(10 * time.Second))
				relayTLS(c, sink.Addr(), cfg, startTLS)
			}()
		}
	}()
	t.Cleanup(func() { _ = ln.Close(); wg.Wait() })
	return ln.Addr().(*net.TCPAddr).Port
}

func relayTLS(c net.Conn, backend string, cfg *tls.Config, startTLS bool) {
	if startTLS {
		r := bufio.NewReader(c)
		if _, err := io.WriteString(c, "220 front ESMTP\r\n"); err != nil {
			return
		}
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			cmd := strings.ToUpper(strings.TrimSpace(line))
			switch {
			case strings.HasPrefix(cmd, "EHLO"):
				_, _ = io.WriteString(c, "250-front\r\n250 STARTTLS\r\n")
				continue
			case cmd == "STARTTLS":
				_, _ = io.WriteString(c, "220 go ahead\r\n")
			default:
				_, _ = io.WriteString(c, "530 must issue STARTTLS first\r\n")
				continue
			}
			break
		}
	}
	tc := tls.Server(c, cfg)
	if err := tc.Handshake(); err != nil {
		return
	}
	b, err := net.Dial("tcp", backend)
	if err != nil {
		return
	}
	defer b.Close()
	_ = b.SetDeadline(time.Now().Add(10 * time.Second))
	br := bufio.NewReader(b)
	if startTLS {
		if _, err := br.ReadString('\n'); err != nil { // sink's 220
			return
		}
	}
	done := make(chan struct{}, 2)
	go func() { _, _ = io.Copy(b, tc); _ = b.(*net.TCPConn).CloseWrite(); done <- struct{}{} }()
	go func() { _, _ = io.Copy(tc, br); _ = tc.CloseWrite(); done <- struct{}{} }()
	<-done
	<-done
}

func TestSend_EncryptedModes(t *testing.T) {
	cert, pool := testCert(t)
	for _, mode := range []string{TLSImplicit, TLSStartTLS} {
		t.Run(mode, func(t *testing.T) {
			sink, err := smtpsink.Start()
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = sink.Close() })
			port := tlsFront(t, sink, cert, mode == TLSStartTLS)

			cfg := Config{
				Host: "127.0.0.1", Port: port, From: "noreply@kami.test", TLS: mode,
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
			s.rootCAs = pool
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
