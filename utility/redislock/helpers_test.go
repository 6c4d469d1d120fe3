package redislock

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
	"net"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	_ "github.com/gogf/gf/contrib/nosql/redis/v2"
	"github.com/gogf/gf/v2/database/gredis"
)

// runID keeps keys of concurrent test runs against one shared Redis apart.
var runID = func() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}()

// backend is one Redis the tests run against: a fresh miniredis per test, or
// the real Redis named by KAMI_TEST_REDIS.
type backend struct {
	addr   string
	mr     *miniredis.Miniredis // nil for real Redis
	prefix string
}

// forEachBackend runs f against miniredis and, when configured, real Redis.
func forEachBackend(t *testing.T, f func(t *testing.T, b *backend)) {
	t.Helper()
	t.Run("miniredis", func(t *testing.T) {
		mr, err := miniredis.Run()
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(mr.Close)
		// Without ClockTTL miniredis keys only expire on FastForward, which
		// would make every renewal test pass vacuously.
		mr.ClockTTL(true)
		f(t, &backend{addr: mr.Addr(), mr: mr, prefix: keyPrefix(t)})
	})
	addr := os.Getenv("KAMI_TEST_REDIS")
	if addr == "" {
		return
	}
	t.Run("redis", func(t *testing.T) {
		b := &backend{addr: addr, prefix: keyPrefix(t)}
		t.Cleanup(func() { b.cleanup(t) })
		f(t, b)
	})
}

func keyPrefix(t *testing.T) string {
	return "kamitest:redislock:" + runID + ":" + t.Name() + ":"
}

func (b *backend) key(name string) string { return b.prefix + name }

// client returns a new, independent gredis client (its own pool), as a second
// process would have. Timeouts keep a broken test from hanging the suite.
func (b *backend) client(t *testing.T) *gredis.Redis {
	t.Helper()
	return newClient(t, b.addr)
}

func newClient(t *testing.T, addr string) *gredis.Redis {
	t.Helper()
	r, err := gredis.New(&gredis.Config{
		Address:      addr,
		DialTimeout:  2 * time.Second, // refused ports fail at once anyway
		ReadTimeout:  3 * time.Second,
		WriteTimeout: 3 * time.Second,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = r.Close(context.Background()) })
	return r
}

// advance lets d pass for key expiry: instantly on miniredis, for real on Redis.
func (b *backend) advance(d time.Duration) {
	if b.mr != nil {
		b.mr.FastForward(d)
		return
	}
	time.Sleep(d)
}

func (b *backend) cleanup(t *testing.T) {
	r := newClient(t, b.addr)
	ctx := context.Background()
	v, err := r.Do(ctx, "KEYS", b.prefix+"*")
	if err != nil {
		t.Errorf("cleanup: %v", err)
		return
	}
	for _, k := range v.Strings() {
		if _, err := r.Do(ctx, "DEL", k); err != nil {
			t.Errorf("cleanup %s: %v", k, err)
		}
	}
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

// closedAddr returns an address nothing listens on.
func closedAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	_ = ln.Close()
	return addr
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
