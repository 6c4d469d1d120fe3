// Package redistest runs a library's tests against miniredis, a real Redis when KAMI_TEST_REDIS
// names one, and a 3-node Redis Cluster on loopback when redis-server is installed, each test
// under a key prefix of its own that is cleaned up afterwards.
package redistest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net"
	"os"
	"strings"
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

// Backend is one Redis a test runs against.
type Backend struct {
	Addr   string
	MR     *miniredis.Miniredis // nil for real Redis
	Prefix string
	// Cluster is set on the Redis Cluster backend, whose Addr lists its seed nodes; a TCP proxy
	// in front of one address cannot stand for it (clients follow MOVED to the real nodes).
	Cluster bool
}

// ForEach runs f on a fresh miniredis (prepared by setup, which may be nil) and, when
// configured, on the real Redis. lib names the package in key prefixes.
func ForEach(t *testing.T, lib string, setup func(*miniredis.Miniredis), f func(t *testing.T, b *Backend)) {
	t.Helper()
	t.Run("miniredis", func(t *testing.T) {
		mr, err := miniredis.Run()
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(mr.Close)
		if setup != nil {
			setup(mr)
		}
		f(t, &Backend{Addr: mr.Addr(), MR: mr, Prefix: prefix(t, lib)})
	})
	if addr := os.Getenv("KAMI_TEST_REDIS"); addr != "" {
		t.Run("redis", func(t *testing.T) {
			b := &Backend{Addr: addr, Prefix: prefix(t, lib)}
			t.Cleanup(func() { b.cleanup(t) })
			f(t, b)
		})
	}
	t.Run("cluster", func(t *testing.T) {
		addrs, err := clusterAddrs()
		if err == nil {
			err = clusterReady(addrs)
		}
		if err != nil {
			t.Skipf("no Redis Cluster here (%v); install redis-server to run this", err)
		}
		// The cluster is this process's own, thrown away at exit: no cleanup needed.
		f(t, &Backend{Addr: addrs, Prefix: prefix(t, lib), Cluster: true})
	})
}

func prefix(t *testing.T, lib string) string {
	return "kamitest:" + lib + ":" + runID + ":" + t.Name() + ":"
}

// Key is name under the test's prefix.
func (b *Backend) Key(name string) string { return b.Prefix + name }

// Client returns a new, independent client (its own pool), as a second process would have.
func (b *Backend) Client(t *testing.T) *gredis.Redis {
	t.Helper()
	return NewClient(t, b.Addr)
}

// NewClient connects to addr with timeouts that keep a broken test from hanging the suite.
func NewClient(t *testing.T, addr string) *gredis.Redis {
	t.Helper()
	r, err := gredis.New(&gredis.Config{
		Address:      addr,
		Cluster:      strings.Contains(addr, ","),
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

func (b *Backend) cleanup(t *testing.T) {
	r := NewClient(t, b.Addr)
	ctx := context.Background()
	v, err := r.Do(ctx, "KEYS", b.Prefix+"*")
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

// ClosedAddr returns an address nothing listens on.
func ClosedAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	_ = ln.Close()
	return addr
}
