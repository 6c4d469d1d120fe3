package host_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"kami/internal/logic/derp/host"
	"kami/internal/logic/derp/host/hostfake"
)

var t0 = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

func startFake(t *testing.T, cfg hostfake.SSHConfig) (*hostfake.Docker, *hostfake.SSHServer) {
	t.Helper()
	f := hostfake.New(func() time.Time { return t0 })
	srv, err := hostfake.StartSSH(f, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	return f, srv
}

func newSSH(t *testing.T) *host.SSH {
	s := host.NewSSH()
	t.Cleanup(s.Close)
	return s
}

// The real adapter against the SSH fake: the whole Docker flow (prepare with stdin uploads, run,
// readout with its multi-line script) survives the quoting, and exit codes come back as Exit.
func TestSSHAdapterEndToEnd(t *testing.T) {
	ctx := context.Background()
	f, srv := startFake(t, hostfake.SSHConfig{User: "root", Password: "pw"})
	r := newSSH(t)
	tg := host.Target{ServerID: 1, Addr: srv.Addr(), User: "root", Password: "pw"}
	d := host.Docker{Runner: r}
	p, err := d.Prepare(ctx, tg, host.PrepareSpec{IPv4: "127.0.0.1", CertPEM: []byte("CERT PEM"), KeyPEM: []byte("KEY PEM"), Image: "img@sha256:1"})
	if err != nil {
		t.Fatal(err)
	}
	if p.HostKeySHA256 != srv.HostKeySHA256 || !strings.HasPrefix(p.HostKeySHA256, "SHA256:") {
		t.Fatalf("TOFU fingerprint %q, server %q", p.HostKeySHA256, srv.HostKeySHA256)
	}
	if b, _ := f.File("/opt/kami-derp/certs/127.0.0.1.crt"); string(b) != "CERT PEM" {
		t.Fatalf("cert upload over ssh: %q", b)
	}
	argv, _ := host.RunArgv(host.Spec{ContainerID: 3, RentalID: 1, Port: 20003, Image: "img@sha256:1", IPv4: "127.0.0.1",
		AdmitBaseURL: "http://127.0.0.1:8000", Token: "3.abc"})
	if _, _, err := d.Run(ctx, tg, host.Spec{ContainerID: 3, RentalID: 1, Port: 20003, Image: "img@sha256:1", IPv4: "127.0.0.1",
		AdmitBaseURL: "http://127.0.0.1:8000", Token: "3.abc"}); err != nil {
		t.Fatal(err)
	}
	calls := f.Calls()
	if got := calls[len(calls)-1].Argv; strings.Join(got, "\x00") != strings.Join(argv, "\x00") {
		t.Fatalf("argv changed in transit:\n%q\n%q", got, argv)
	}
	ro, err := d.Readout(ctx, tg, "eth0")
	if err != nil || len(ro.Containers) != 1 || ro.Containers[0].CID != 3 {
		t.Fatalf("readout %+v %v", ro, err)
	}
	res, err := r.Run(ctx, tg, host.Cmd{Argv: []string{"docker", "start", "kami-derp-99"}})
	if err != nil || res.Exit != 1 || !bytes.Contains(res.Stderr, []byte("No such container")) {
		t.Fatalf("exit status: %+v %v", res, err)
	}
	if got := host.Quote([]string{"a b", "it's"}); got != `'a b' 'it'\''s'` {
		t.Fatalf("quote %s", got)
	}
}

func TestSSHHostKeyPinning(t *testing.T) {
	ctx := context.Background()
	_, srv := startFake(t, hostfake.SSHConfig{User: "root", Password: "pw"})
	r := newSSH(t)
	tg := host.Target{ServerID: 1, Addr: srv.Addr(), User: "root", Password: "pw", HostKeySHA256: srv.HostKeySHA256}
	if _, err := r.Run(ctx, tg, host.Cmd{Argv: host.VersionArgv}); err != nil {
		t.Fatalf("the pinned key must pass: %v", err)
	}
	old := srv.HostKeySHA256
	if err := srv.RotateHostKey(); err != nil {
		t.Fatal(err)
	}
	r.Close() // force a new handshake
	res, err := r.Run(ctx, tg, host.Cmd{Argv: host.VersionArgv})
	if host.KindOf(err) != host.HostKeyMismatch || !host.Permanent(err) {
		t.Fatalf("a changed host key must be a mismatch: %v", err)
	}
	if res.HostKeySHA256 != srv.HostKeySHA256 || res.HostKeySHA256 == old {
		t.Fatalf("the mismatch reports the seen key: %q", res.HostKeySHA256)
	}
}

func TestSSHAuthAndTransport(t *testing.T) {
	ctx := context.Background()
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	sshPub, _ := gossh.NewPublicKey(pub)
	blk, err := gossh.MarshalPrivateKey(priv, "")
	if err != nil {
		t.Fatal(err)
	}
	f, srv := startFake(t, hostfake.SSHConfig{User: "root", AuthorizedKey: sshPub})
	r := newSSH(t)
	tg := host.Target{ServerID: 2, Addr: srv.Addr(), User: "root", PrivateKeyPEM: pem.EncodeToMemory(blk)}
	if _, err := r.Run(ctx, tg, host.Cmd{Argv: host.VersionArgv}); err != nil {
		t.Fatalf("key auth: %v", err)
	}
	bad := tg
	bad.ServerID, bad.PrivateKeyPEM, bad.Password = 3, nil, "guess"
	if _, err := r.Run(ctx, bad, host.Cmd{Argv: host.VersionArgv}); host.KindOf(err) != host.Retryable {
		t.Fatalf("wrong credentials: %v", err)
	}
	// A lost reply is a transport error; the next call redials and works.
	f.DropAfterExec("docker version")
	if _, err := r.Run(ctx, tg, host.Cmd{Argv: host.VersionArgv}); host.KindOf(err) != host.Retryable {
		t.Fatalf("dropped reply: %v", err)
	}
	if _, err := r.Run(ctx, tg, host.Cmd{Argv: host.VersionArgv}); err != nil {
		t.Fatalf("after a drop: %v", err)
	}
	// A command over its timeout is a transport error, not a hang.
	f.Stall(time.Hour)
	if _, err := r.Run(ctx, tg, host.Cmd{Argv: host.VersionArgv, Timeout: 50 * time.Millisecond}); host.KindOf(err) != host.Retryable {
		t.Fatalf("timeout: %v", err)
	}
	f.Stall(0)
	closed := host.Target{ServerID: 4, Addr: "127.0.0.1:1", User: "root", Password: "x"}
	if _, err := r.Run(ctx, closed, host.Cmd{Argv: host.VersionArgv}); host.KindOf(err) != host.Retryable {
		t.Fatalf("closed port: %v", err)
	}
}

// At most 4 sessions run at once on one server, and output is capped at 64 KiB per stream.
func TestSSHSessionLimitAndCap(t *testing.T) {
	ctx := context.Background()
	f, srv := startFake(t, hostfake.SSHConfig{User: "root", Password: "pw"})
	r := newSSH(t)
	tg := host.Target{ServerID: 1, Addr: srv.Addr(), User: "root", Password: "pw"}
	f.Stall(30 * time.Millisecond)
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := r.Run(ctx, tg, host.Cmd{Argv: host.VersionArgv}); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if m := f.MaxConcurrent(); m > host.MaxSessions || m < 1 {
		t.Fatalf("max concurrent sessions %d", m)
	}
	f.Stall(0)
	f.FailNext("docker version", 1, strings.Repeat("x", 200<<10))
	res, err := r.Run(ctx, tg, host.Cmd{Argv: host.VersionArgv})
	if err != nil || len(res.Stderr) != host.OutputCap || res.Exit != 1 {
		t.Fatalf("cap: %d bytes, exit %d, %v", len(res.Stderr), res.Exit, err)
	}
}

// Shell and pty requests are refused: the fake is exec only, like the hosts' forced command.
func TestSSHFakeRefusesShell(t *testing.T) {
	_, srv := startFake(t, hostfake.SSHConfig{User: "root", Password: "pw"})
	c, err := gossh.Dial("tcp", srv.Addr(), &gossh.ClientConfig{User: "root", Auth: []gossh.AuthMethod{gossh.Password("pw")},
		HostKeyCallback: gossh.InsecureIgnoreHostKey()})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	s, _ := c.NewSession()
	defer s.Close()
	if err := s.Shell(); err == nil {
		t.Fatal("shell accepted")
	}
}
