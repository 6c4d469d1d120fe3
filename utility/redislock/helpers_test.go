package redislock

import (
	"context"
	"errors"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/gogf/gf/v2/database/gredis"

	"kami/internal/testkit/redistest"
)

// backend is one Redis the tests run against: a fresh miniredis per test, or the real Redis
// named by KAMI_TEST_REDIS.
type backend struct{ *redistest.Backend }

// forEachBackend runs f against miniredis and, when configured, real Redis.
func forEachBackend(t *testing.T, f func(t *testing.T, b *backend)) {
	t.Helper()
	// Without ClockTTL miniredis keys only expire on FastForward, which would make every
	// renewal test pass vacuously.
	setup := func(mr *miniredis.Miniredis) { mr.ClockTTL(true) }
	redistest.ForEach(t, "redislock", setup, func(t *testing.T, rb *redistest.Backend) { f(t, &backend{rb}) })
}

func (b *backend) key(name string) string { return b.Key(name) }

// client returns a new, independent gredis client (its own pool), as a second process would have.
func (b *backend) client(t *testing.T) *gredis.Redis { return b.Client(t) }

// advance lets d pass for key expiry: instantly on miniredis, for real on Redis.
func (b *backend) advance(d time.Duration) {
	if b.MR != nil {
		b.MR.FastForward(d)
		return
	}
	time.Sleep(d)
}

// get reads a key's raw value ("" when missing).
func get(t *testing.T, r *gredis.Redis, key string) string {
	t.Helper()
	v, err := r.Do(context.Background(), "GET", key)
	if err != nil {
		t.Fatal(err)
	}
	return v.String()
}

// proxy forwards TCP to a Redis and can be frozen: it keeps the connections
// open but withholds all bytes, which is what a hung server or a network
// partition without resets looks like to a client.
type proxy struct {
	ln     net.Listener
	target string
	frozen atomic.Bool
	closed chan struct{}
	mu     sync.Mutex
	conns  []net.Conn
}

func startProxy(t *testing.T, target string) *proxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{ln: ln, target: target, closed: make(chan struct{})}
	go p.accept()
	t.Cleanup(p.close)
	return p
}

func (p *proxy) addr() string { return p.ln.Addr().String() }

func (p *proxy) accept() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		s, err := net.Dial("tcp", p.target)
		if err != nil {
			_ = c.Close()
			continue
		}
		p.mu.Lock()
		p.conns = append(p.conns, c, s)
		p.mu.Unlock()
		go p.pump(s, c)
		go p.pump(c, s)
	}
}

func (p *proxy) pump(dst io.Writer, src io.Reader) {
	buf := make([]byte, 32<<10)
	for {
		n, err := src.Read(buf)
		for p.frozen.Load() {
			select {
			case <-p.closed:
				return
			case <-time.After(2 * time.Millisecond):
			}
		}
		if n > 0 {
			if _, werr := dst.Write(buf[:n]); werr != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

func (p *proxy) close() {
	select {
	case <-p.closed:
		return
	default:
	}
	close(p.closed)
	_ = p.ln.Close()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		_ = c.Close()
	}
}

// waitDone fails the test if ch is not closed within d.
func waitDone(t *testing.T, ch <-chan struct{}, d time.Duration, what string) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(d):
		t.Fatalf("%s: not within %v", what, d)
	}
}

func mustIs(t *testing.T, err error, targets ...error) {
	t.Helper()
	for _, target := range targets {
		if !errors.Is(err, target) {
			t.Fatalf("error %v: want errors.Is(%v)", err, target)
		}
	}
}
