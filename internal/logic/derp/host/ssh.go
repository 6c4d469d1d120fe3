package host

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"net"
	"strings"
	"sync"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// SSH limits of derp.md §8.
const (
	DialTimeout       = 10 * time.Second
	KeepaliveInterval = 30 * time.Second
	MaxSessions       = 4
	OutputCap         = 64 << 10
)

// SSH is the real Runner: one pooled connection per server, at most MaxSessions sessions on it,
// a keepalive, and the host key checked by SHA-256 fingerprint (TOFU when none is stored).
type SSH struct {
	mu    sync.Mutex
	conns map[int64]*sshConn
}

type sshConn struct {
	ident  string // what the connection was dialled with; a changed target redials
	client *gossh.Client
	hostFP string
	sem    chan struct{}
	done   chan struct{}
	once   sync.Once
}

func (c *sshConn) close() {
	c.once.Do(func() {
		close(c.done)
		_ = c.client.Close()
	})
}

// NewSSH is an empty pool.
func NewSSH() *SSH { return &SSH{conns: map[int64]*sshConn{}} }

// Close drops every pooled connection.
func (s *SSH) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for id, c := range s.conns {
		c.close()
		delete(s.conns, id)
	}
}

// Quote single-quotes every element and joins them, so the remote shell sees the argv unchanged.
func Quote(argv []string) string {
	parts := make([]string, len(argv))
	for i, a := range argv {
		parts[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
	}
	return strings.Join(parts, " ")
}

func identOf(t Target) string {
	h := sha256.Sum256([]byte(t.Password + "\x00" + string(t.PrivateKeyPEM)))
	return fmt.Sprintf("%s|%s|%s|%x", t.Addr, t.User, t.HostKeySHA256, h[:8])
}

// Run executes c on t. Transport failures (dial, auth, host key, a lost connection, a timeout)
// are errors; a command's own failure is Result.Exit.
func (s *SSH) Run(ctx context.Context, t Target, c Cmd) (Result, error) {
	timeout := c.Timeout
	if timeout == 0 {
		timeout = CmdTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	for attempt := 0; ; attempt++ {
		conn, err := s.conn(ctx, t)
		if err != nil {
			return Result{HostKeySHA256: fpOf(err)}, err
		}
		select {
		case conn.sem <- struct{}{}:
		case <-ctx.Done():
			return Result{HostKeySHA256: conn.hostFP}, &Error{Kind: Retryable, Op: "ssh", Msg: "waiting for a session: " + ctx.Err().Error()}
		}
		res, fresh, err := s.session(ctx, conn, c)
		<-conn.sem
		res.HostKeySHA256 = conn.hostFP
		if err != nil {
			s.evict(t.ServerID, conn)
			if fresh && attempt == 0 {
				continue // a pooled connection that died while idle: dial once more
			}
		}
		return res, err
	}
}

// session runs one command; fresh reports that it failed before the command started.
func (s *SSH) session(ctx context.Context, conn *sshConn, c Cmd) (Result, bool, error) {
	sess, err := conn.client.NewSession()
	if err != nil {
		return Result{}, true, &Error{Kind: Retryable, Op: "ssh", Msg: "session: " + err.Error()}
	}
	defer sess.Close()
	var stdout, stderr capped
	sess.Stdout, sess.Stderr = &stdout, &stderr
	sess.Stdin = bytes.NewReader(c.Stdin)
	if err := sess.Start(Quote(c.Argv)); err != nil {
		return Result{}, true, &Error{Kind: Retryable, Op: "ssh", Msg: "start: " + err.Error()}
	}
	waitc := make(chan error, 1)
	go func() { waitc <- sess.Wait() }()
	select {
	case err = <-waitc:
	case <-ctx.Done():
		_ = sess.Close()
		return Result{}, false, &Error{Kind: Retryable, Op: "ssh", Msg: "command: " + ctx.Err().Error()}
	}
	res := Result{Stdout: stdout.Bytes(), Stderr: stderr.Bytes()}
	var exitErr *gossh.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exitErr):
		res.Exit = exitErr.ExitStatus()
		err = nil
	default: // ExitMissingError or a dropped connection: the reply is lost
		return res, false, &Error{Kind: Retryable, Op: "ssh", Msg: "lost reply: " + err.Error()}
	}
	return res, false, nil
}

func (s *SSH) evict(id int64, c *sshConn) {
	s.mu.Lock()
	if s.conns[id] == c {
		delete(s.conns, id)
	}
	s.mu.Unlock()
	c.close()
}

// fpOf is the host key a failed dial saw (a mismatch reports it).
func fpOf(err error) string {
	var he *Error
	if errors.As(err, &he) {
		return he.HostKey
	}
	return ""
}

func (s *SSH) conn(ctx context.Context, t Target) (*sshConn, error) {
	ident := identOf(t)
	s.mu.Lock()
	if c := s.conns[t.ServerID]; c != nil {
		if c.ident == ident {
			s.mu.Unlock()
			return c, nil
		}
		delete(s.conns, t.ServerID)
		c.close()
	}
	s.mu.Unlock()
	c, err := dial(ctx, t, ident)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if old := s.conns[t.ServerID]; old != nil && old.ident == ident {
		c.close() // another caller dialled first: share its connection
		return old, nil
	}
	s.conns[t.ServerID] = c
	go c.keepalive()
	return c, nil
}

func dial(ctx context.Context, t Target, ident string) (*sshConn, error) {
	var auth []gossh.AuthMethod
	if len(t.PrivateKeyPEM) > 0 {
		signer, err := gossh.ParsePrivateKey(t.PrivateKeyPEM)
		if err != nil {
			return nil, &Error{Kind: Retryable, Op: "ssh", Msg: "private key: " + err.Error()}
		}
		auth = append(auth, gossh.PublicKeys(signer))
	} else {
		auth = append(auth, gossh.Password(t.Password))
	}
	var seen string
	var mismatch bool
	cfg := &gossh.ClientConfig{User: t.User, Auth: auth, Timeout: DialTimeout,
		HostKeyCallback: func(_ string, _ net.Addr, key gossh.PublicKey) error {
			seen = gossh.FingerprintSHA256(key)
			if t.HostKeySHA256 != "" && seen != t.HostKeySHA256 {
				mismatch = true
				return errors.New("host key mismatch")
			}
			return nil
		}}
	dctx, cancel := context.WithTimeout(ctx, DialTimeout)
	defer cancel()
	raw, err := (&net.Dialer{}).DialContext(dctx, "tcp", t.Addr)
	if err != nil {
		return nil, &Error{Kind: Retryable, Op: "ssh", Msg: "dial: " + err.Error()}
	}
	deadline, _ := dctx.Deadline()
	_ = raw.SetDeadline(deadline)
	cc, chans, reqs, err := gossh.NewClientConn(raw, t.Addr, cfg)
	if err != nil {
		_ = raw.Close()
		if mismatch {
			return nil, &Error{Kind: HostKeyMismatch, Op: "ssh", HostKey: seen,
				Msg: fmt.Sprintf("host key %s, stored %s", seen, t.HostKeySHA256)}
		}
		return nil, &Error{Kind: Retryable, Op: "ssh", Msg: "handshake: " + err.Error()}
	}
	_ = raw.SetDeadline(time.Time{})
	return &sshConn{ident: ident, client: gossh.NewClient(cc, chans, reqs), hostFP: seen,
		sem: make(chan struct{}, MaxSessions), done: make(chan struct{})}, nil
}

// keepalive pings every 30 s so a dead peer is noticed between rounds; a failed ping closes the
// connection and the next Run redials.
func (c *sshConn) keepalive() {
	tk := time.NewTicker(KeepaliveInterval)
	defer tk.Stop()
	for {
		select {
		case <-c.done:
			return
		case <-tk.C:
			if _, _, err := c.client.SendRequest("keepalive@openssh.com", true, nil); err != nil {
				c.close()
				return
			}
		}
	}
}

// capped keeps the first OutputCap bytes of a stream and discards the rest, so a runaway command
// cannot grow the worker's memory.
type capped struct{ buf bytes.Buffer }

func (c *capped) Write(p []byte) (int, error) {
	if room := OutputCap - c.buf.Len(); room > 0 {
		if len(p) > room {
			c.buf.Write(p[:room])
		} else {
			c.buf.Write(p)
		}
	}
	return len(p), nil
}

func (c *capped) Bytes() []byte { return c.buf.Bytes() }
