package infra

import (
	"context"
	"strings"
	"sync"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/gogf/gf/v2/database/gredis"
	"github.com/gogf/gf/v2/errors/gerror"
	"github.com/gogf/gf/v2/frame/g"

	_ "github.com/gogf/gf/contrib/nosql/redis/v2"

	"kami/internal/config"
)

var (
	embeddedMu sync.Mutex
	embedded   *miniredis.Miniredis
	keyPrefix  = "kami:"
)

// OpenRedis configures gf's default Redis group. With no address configured it starts the
// embedded Redis-protocol server on loopback so the same client, commands and Lua scripts run
// as in production; it holds only what may be lost on restart (locks, nonces, captchas, limits).
func OpenRedis(ctx context.Context) (*gredis.Redis, error) {
	c := config.Get()
	addr := c.Redis.Addr
	if addr == "" {
		embeddedMu.Lock()
		if embedded == nil {
			m := miniredis.NewMiniRedis()
			// Without ClockTTL miniredis only expires keys on FastForward, so captchas, lockouts,
			// locks of dead holders and scheduler slot keys would live forever; with it, TTLs run
			// on the wall clock as on a real Redis.
			m.ClockTTL(true)
			if err := m.StartAddr("127.0.0.1:0"); err != nil {
				embeddedMu.Unlock()
				return nil, gerror.Wrap(err, "start embedded redis")
			}
			embedded = m
		}
		addr = embedded.Addr()
		embeddedMu.Unlock()
	}
	keyPrefix = c.Redis.Prefix
	gredis.SetConfig(&gredis.Config{
		Address:      addr,
		Pass:         c.Redis.Pass,
		Db:           c.Redis.DB,
		DialTimeout:  2 * time.Second,
		ReadTimeout:  3 * time.Second,
		WriteTimeout: 3 * time.Second,
		MaxActive:    100,
	})
	r := g.Redis()
	if _, err := r.Do(ctx, "PING"); err != nil {
		return nil, gerror.Wrap(err, "redis is not reachable")
	}
	return r, nil
}

// EmbeddedRedisAddr is the loopback address of the embedded store, or "" when Redis is external.
// Tests hand it to a second process so two nodes share one store.
func EmbeddedRedisAddr() string {
	embeddedMu.Lock()
	defer embeddedMu.Unlock()
	if embedded == nil {
		return ""
	}
	return embedded.Addr()
}

// CloseEmbeddedRedis stops the embedded store, if this process started one.
func CloseEmbeddedRedis() {
	embeddedMu.Lock()
	defer embeddedMu.Unlock()
	if embedded != nil {
		embedded.Close()
		embedded = nil
	}
}

// Key builds a Redis key under the configured prefix so several deployments (or test runs) can
// share one Redis without seeing each other's keys.
func Key(parts ...string) string {
	return keyPrefix + strings.Join(parts, ":")
}
