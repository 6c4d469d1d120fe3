package redisx

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

// Open configures gf's default Redis group from p (boot hands it kami.redis). With no address
// it starts the embedded Redis-protocol server on loopback so the same client, commands and Lua
// scripts run as in production; it holds only what may be lost on restart (locks, nonces,
// captchas, limits).
func Open(ctx context.Context, p config.Redis) (*gredis.Redis, error) {
	addr := p.Addr
	if addr == "" {
		embeddedMu.Lock()
		if embedded == nil {
			m := miniredis.NewMiniRedis()
			if err := m.StartAddr("127.0.0.1:0"); err != nil {
				embeddedMu.Unlock()
				return nil, gerror.Wrap(err, "start embedded redis")
			}
			go expireOnWallClock(m, embeddedTick)
			embedded = m
		}
		addr = embedded.Addr()
		embeddedMu.Unlock()
	}
	keyPrefix = p.Prefix
	gredis.SetConfig(&gredis.Config{
		Address: addr,
		// Several comma-separated seed addresses are a Redis Cluster: every script keeps its
		// keys in one hash slot ({tag}), so the same code runs there.
		Cluster:         strings.Contains(addr, ","),
		Pass:            p.Pass,
		Db:              p.DB,
		MaxActive:       orInt(p.MaxActive, 200),
		MinIdle:         p.MinIdle,
		MaxIdle:         orInt(p.MaxIdle, orInt(p.MaxActive, 200)),
		IdleTimeout:     orDuration(p.IdleTimeout, 5*time.Minute),
		MaxConnLifetime: orDuration(p.MaxConnLifetime, time.Hour),
		WaitTimeout:     orDuration(p.WaitTimeout, 3*time.Second),
		DialTimeout:     orDuration(p.DialTimeout, 5*time.Second),
		ReadTimeout:     orDuration(p.ReadTimeout, 3*time.Second),
		WriteTimeout:    orDuration(p.WriteTimeout, 3*time.Second),
	})
	r := g.Redis()
	if _, err := r.Do(ctx, "PING"); err != nil {
		return nil, gerror.Wrap(err, "redis is not reachable")
	}
	return r, nil
}

// embeddedTick is how often the embedded store's TTLs advance: a key outlives its TTL by at
// most this much.
const embeddedTick = 100 * time.Millisecond

// expireOnWallClock runs the embedded store's TTLs on the wall clock, as Redis's run;
// miniredis's default (TTLs move only on FastForward) would keep dead locks and old counters
// forever. Its own option for this (ClockTTL) advances every key before every command, sorting
// the whole key space each time: with a few thousand keys that cost more than the commands
// (15 % of the relay's CPU on the embedded default, and it grows with every session, limit and
// cached token), so a ticker advances them ten times a second instead. The store lives as long
// as the process, and so does this.
func expireOnWallClock(m *miniredis.Miniredis, every time.Duration) {
	last := time.Now()
	t := time.NewTicker(every)
	defer t.Stop()
	for now := range t.C {
		m.FastForward(now.Sub(last))
		last = now
	}
}

// orInt and orDuration fill a pool setting left out of the config: gf's own defaults (10 idle
// connections, a 30 s lifetime) would close and re-dial connections all through a burst.
func orInt(v, def int) int {
	if v > 0 {
		return v
	}
	return def
}

func orDuration(v, def time.Duration) time.Duration {
	if v > 0 {
		return v
	}
	return def
}

// EmbeddedAddr is the loopback address of the embedded store, or "" when Redis is external.
// Tests hand it to a second process so two nodes share one store.
func EmbeddedAddr() string {
	embeddedMu.Lock()
	defer embeddedMu.Unlock()
	if embedded == nil {
		return ""
	}
	return embedded.Addr()
}

// CloseEmbedded stops the embedded store, if this process started one.
func CloseEmbedded() {
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

// Embedded is the embedded store itself, or nil; outage tests stop and restart it.
func Embedded() *miniredis.Miniredis {
	embeddedMu.Lock()
	defer embeddedMu.Unlock()
	return embedded
}
