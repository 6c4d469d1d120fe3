// Package testkit starts the real Kami server in-process on a random port, on the embedded
// default or (KAMI_TEST_BACKEND=real) on the MySQL/Redis named by KAMI_TEST_MYSQL and
// KAMI_TEST_REDIS, each test binary in a database and key prefix of its own. Tests drive it
// over HTTP only, exactly as the panel and integrations do.
package testkit

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/net/ghttp"
	"github.com/gogf/gf/v2/os/gctx"
	"golang.org/x/crypto/bcrypt"

	"kami/internal/cmd"
	"kami/internal/config"
	"kami/internal/infra/redisx"
	"kami/internal/testkit/redistest"
	"kami/utility/password"
)

// AdminPassword is the super-admin password every test server starts with.
const AdminPassword = "Admin-Pass-2026"

// Env is the running test server.
type Env struct {
	BaseURL string
	Server  *ghttp.Server
	// DBLink and RedisAddr are what a second node needs to join the same service.
	DBLink    string
	RedisAddr string
	DataDir   string
	Secret    string
	Prefix    string
	dropDB    func()
	// sharedClock: this binary runs on SharedClock, and so do its second nodes.
	sharedClock bool
}

var current *Env

// Current returns the server TestMain started.
func Current() *Env { return current }

// Main is the TestMain of every package with HTTP tests: it starts the server, runs the tests
// and cleans up. Re-executed as a child (see StartNode) it serves as a second node instead.
func Main(m *testing.M, opts ...Option) {
	switch os.Getenv(childEnv) {
	case "1":
		os.Exit(runChild())
	case commandChild:
		os.Exit(runCommand())
	}
	var o mainOptions
	for _, opt := range opts {
		opt(&o)
	}
	os.Exit(run(m, o))
}

// Option adjusts the server a test binary boots.
type Option func(*mainOptions)

type mainOptions struct {
	sharedClock, heldSchedules bool
	after                      []func() error
}

// WithSharedClock boots the server (and every second node) on the SharedClock, so the
// binary's tests can freeze and move time across nodes instead of sleeping.
func WithSharedClock() Option { return func(o *mainOptions) { o.sharedClock = true } }

// WithHeldSchedules (with WithSharedClock) fires no scheduled job in the whole binary unless a
// test asks for it (RunSchedules): for tests that fault an upstream by the call, where a job
// due on the real clock between two tests would take a fault meant for a test, or count
// toward a breaker under the next one. The tests run what they need themselves (RunJob).
func WithHeldSchedules() Option {
	return func(o *mainOptions) { o.sharedClock, o.heldSchedules = true, true }
}

// WithAfter runs check once every test of the binary has run, on the still-running server
// (a package-wide invariant, e.g. the relay's ledger audit); an error fails the binary.
func WithAfter(check func() error) Option {
	return func(o *mainOptions) { o.after = append(o.after, check) }
}

func run(m *testing.M, o mainOptions) int {
	ctx := gctx.New()
	env, err := setup(ctx, o)
	if err != nil {
		fmt.Fprintln(os.Stderr, "testkit:", err)
		return 1
	}
	current = env
	code := m.Run()
	for _, check := range o.after {
		if err := check(); err != nil {
			fmt.Fprintln(os.Stderr, "testkit: after the tests:", err)
			code = 1
		}
	}
	_ = cmd.Stop(ctx, env.Server)
	if env.dropDB != nil {
		env.dropDB()
	}
	_ = os.RemoveAll(env.DataDir)
	return code
}

func randHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// setup prepares the environment variables of the runtime contract and boots a node.
func setup(ctx context.Context, o mainOptions) (*Env, error) {
	// Set before any server goroutine logs: changing the logger later is a data race.
	if err := g.Log().SetLevelStr("warning"); err != nil {
		return nil, err
	}
	// The relay's access log writes one info line per request: tests and benchmarks make
	// thousands (plaintext_test reads a second node's, whose config turns it back on).
	if err := g.Log("relay").SetLevelStr("warning"); err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "kami-test-")
	if err != nil {
		return nil, err
	}
	env := &Env{DataDir: dir, Secret: randHex(32), Prefix: "kamitest:" + randHex(4) + ":"}
	if os.Getenv("KAMI_TEST_BACKEND") == "real" {
		link, redisAddr := os.Getenv("KAMI_TEST_MYSQL"), os.Getenv("KAMI_TEST_REDIS")
		if link == "" || redisAddr == "" {
			return nil, fmt.Errorf("KAMI_TEST_BACKEND=real needs KAMI_TEST_MYSQL and KAMI_TEST_REDIS")
		}
		env.DBLink, env.dropDB, err = FreshDatabase(ctx, link)
		if err != nil {
			return nil, err
		}
		env.RedisAddr = redisAddr
	} else {
		env.DBLink = "sqlite::@file(" + filepath.Join(dir, "kami.db") + ")"
	}
	if os.Getenv("KAMI_TEST_BACKEND") == "cluster" {
		// The embedded database with a throwaway 3-node Redis Cluster: every Redis command and
		// script of the product must keep to one hash slot.
		if env.RedisAddr, err = redistest.ClusterAddrs(); err != nil {
			return nil, err
		}
	}
	for k, v := range map[string]string{
		"KAMI_DATA_DIR":       dir,
		"KAMI_HTTP_ADDR":      "127.0.0.1:0",
		"KAMI_DB_LINK":        env.DBLink,
		"KAMI_REDIS_ADDR":     env.RedisAddr,
		"KAMI_REDIS_PREFIX":   env.Prefix,
		"KAMI_ADMIN_PASSWORD": AdminPassword,
		"KAMI_SECRET_KEY":     env.Secret,
		// Each test client sends its own X-Forwarded-For so per-IP login counters of one test
		// never leak into another.
		"KAMI_TRUSTED_PROXIES": "127.0.0.1",
		// Tests run their own DERP host-op worker on their own servers (derp.NewHostWorker):
		// one at boot would claim other tests' ops. Second nodes inherit this.
		"KAMI_DERP_HOST_WORKER": "false",
	} {
		_ = os.Setenv(k, v)
	}
	// Hundreds of logins per suite: the minimum bcrypt cost keeps them fast; the algorithm is
	// the same.
	password.Cost = bcrypt.MinCost
	var boot []cmd.Option
	if o.sharedClock {
		env.sharedClock = true
		boot = append(boot, cmd.WithClock(SharedClock{}))
	}
	if err = cmd.Boot(ctx, boot...); err != nil {
		return nil, err
	}
	if o.heldSchedules {
		// Right after the boot (the store and the key prefix come with it): the scheduler
		// starts each job's schedule at boot, so no slot can be due before this.
		if _, err = g.Redis().Do(ctx, "SET", SharedClock{}.binaryHoldKey(), 1); err != nil {
			return nil, err
		}
	}
	if env.RedisAddr == "" {
		env.RedisAddr = redisx.EmbeddedAddr()
	}
	s, err := cmd.NewServer(ctx, "kami-test-"+randHex(4))
	if err != nil {
		return nil, err
	}
	s.SetAddr("127.0.0.1:0")
	bindBareRoute(s)
	if err = s.Start(); err != nil {
		return nil, err
	}
	env.Server = s
	env.BaseURL = fmt.Sprintf("http://127.0.0.1:%d", s.GetListenedPort())
	return env, nil
}

// Config returns the live configuration, read-only. To change it use SetConfig: writing a field
// of the shared struct while server goroutines read it is a data race.
func Config() *config.Config { return config.Get() }

// SetConfig swaps in a copy of the live configuration changed by edit, and puts the previous
// one back when the test ends. The swap is atomic, so handlers running meanwhile see either the
// old or the new configuration, never a half-written one. What boot hands over as values rather
// than as the config getter (display zone, trusted proxies, the driver's debug flag) is handed
// over again, so every field takes effect.
func SetConfig(t testing.TB, edit func(c *config.Config)) {
	t.Helper()
	old := config.Get()
	next := *old
	edit(&next)
	config.Set(&next)
	if err := cmd.ApplyConfig(&next); err != nil {
		config.Set(old)
		t.Fatalf("SetConfig: %v", err)
	}
	t.Cleanup(func() {
		config.Set(old)
		if err := cmd.ApplyConfig(old); err != nil {
			t.Errorf("SetConfig: restoring: %v", err)
		}
	})
}

// SetSettings changes settings through the admin API (as an operator would, live on every node)
// for the rest of the test, and puts them back to their defaults when it ends. Values are JSON
// values: numbers, booleans, strings ("1m" for a duration).
func SetSettings(t testing.TB, values map[string]any) {
	t.Helper()
	admin := Current().Admin(t) // kept for the cleanup: a tightened login policy must not lock it out
	admin.Put(t, "/api/system/settings", map[string]any{"values": values}).Expect(t, http.StatusOK)
	t.Cleanup(func() {
		reset := make(map[string]any, len(values))
		for k := range values {
			reset[k] = nil
		}
		admin.Put(t, "/api/system/settings", map[string]any{"values": reset}).Expect(t, http.StatusOK)
	})
}
