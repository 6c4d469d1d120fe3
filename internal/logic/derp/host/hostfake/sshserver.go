package hostfake

import (
	"crypto/ed25519"
	"crypto/rand"
	"io"
	"net"
	"strconv"
	"sync"

	"github.com/gliderlabs/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// SSHServer is a real SSH server on 127.0.0.1:0 (gliderlabs/ssh) whose exec requests go to a
// Docker emulator: exec only (pty, shell and subsystems refused), password or public-key auth,
// a fresh ed25519 host key per server.
type SSHServer struct {
	Docker *Docker
	// Host and Port are where it listens; HostKeySHA256 is its key's ssh.FingerprintSHA256.
	Host          string
	Port          int
	HostKeySHA256 string

	srv      *ssh.Server
	ln       net.Listener
	mu       sync.Mutex
	password string
	authKey  gossh.PublicKey
	user     string
}

// SSHConfig is the accepted login: User with Password, or with the AuthorizedKey.
type SSHConfig struct {
	User          string
	Password      string
	AuthorizedKey gossh.PublicKey
}

// StartSSH serves d on a random loopback port until Close.
func StartSSH(d *Docker, cfg SSHConfig) (*SSHServer, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s := &SSHServer{Docker: d, ln: ln, password: cfg.Password, authKey: cfg.AuthorizedKey, user: cfg.User,
		Host: "127.0.0.1", Port: ln.Addr().(*net.TCPAddr).Port, HostKeySHA256: gossh.FingerprintSHA256(signer.PublicKey())}
	s.srv = &ssh.Server{
		Handler:                s.handle,
		PtyCallback:            func(ssh.Context, ssh.Pty) bool { return false },
		SessionRequestCallback: func(_ ssh.Session, kind string) bool { return kind == "exec" },
		PasswordHandler: func(ctx ssh.Context, pw string) bool {
			s.mu.Lock()
			defer s.mu.Unlock()
			return !d.IsDown() && s.password != "" && ctx.User() == s.user && pw == s.password
		},
		PublicKeyHandler: func(ctx ssh.Context, key ssh.PublicKey) bool {
			s.mu.Lock()
			defer s.mu.Unlock()
			return !d.IsDown() && s.authKey != nil && ctx.User() == s.user && ssh.KeysEqual(key, s.authKey)
		},
	}
	s.srv.AddHostKey(signer)
	go func() { _ = s.srv.Serve(ln) }()
	return s, nil
}

// Addr is host:port for a Target.
func (s *SSHServer) Addr() string { return net.JoinHostPort(s.Host, strconv.Itoa(s.Port)) }

// Close stops the server and drops every connection.
func (s *SSHServer) Close() error { return s.srv.Close() }

// RotateHostKey swaps in a new host key (a re-installed host, or a man in the middle).
func (s *SSHServer) RotateHostKey() error {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return err
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		return err
	}
	s.srv.AddHostKey(signer) // same algorithm: replaces the old key
	s.HostKeySHA256 = gossh.FingerprintSHA256(signer.PublicKey())
	return nil
}

func (s *SSHServer) handle(sess ssh.Session) {
	argv := sess.Command()
	if len(argv) == 0 {
		_ = sess.Exit(1)
		return
	}
	var stdin []byte
	if len(argv) == 3 && argv[0] == "sh" && argv[1] == "-c" && uploadRe.MatchString(argv[2]) {
		stdin, _ = io.ReadAll(sess) // only uploads read stdin, so no other exec waits on EOF
	}
	out, errOut, exit, drop, err := s.Docker.Exec(sess.Context(), argv, stdin)
	if err != nil || drop {
		// The effect (if any) happened; the client must not learn the result.
		if c, ok := sess.Context().Value(ssh.ContextKeyConn).(gossh.Conn); ok {
			_ = c.Close()
		}
		return
	}
	_, _ = sess.Write(out)
	_, _ = sess.Stderr().Write(errOut)
	_ = sess.Exit(exit)
}
