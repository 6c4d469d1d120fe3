// Package snapcache keeps read-mostly rows (a card's state, a project's keys) where a hot path
// can answer from them without the database: in this node's memory for at most a second, and
// in Redis, shared by every node, until the row changes. A writer calls Invalidate after its
// transaction commits; every node then sees the change within the local TTL.
//
// A value in Redis is a hash {v: the JSON value, g: a generation}. Invalidate raises g and
// drops v in one script. A reader that misses notes g, loads the row and stores it only if g
// is still what it noted: a load that raced a change (it read the row before the commit, the
// writer invalidated before the store) is dropped instead of caching the old row, so a stale
// value can outlive a change only if the writer died between its commit and its Invalidate —
// and then only until the Redis TTL.
package snapcache

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"golang.org/x/sync/singleflight"

	"kami/internal/infra/redisx"
	"kami/utility/redisscript"
)

// fillScript stores ARGV[2] (the value) when the generation is still ARGV[1] ("" = none yet).
var fillScript = redisscript.New(`
local g = redis.call('HGET', KEYS[1], 'g') or ''
if g ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'v', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1`)

// bumpScript raises the generation and drops the value; the key lives on a while so a reader
// that noted the old generation cannot find it missing (and equal to "") and store.
var bumpScript = redisscript.New(`
redis.call('HINCRBY', KEYS[1], 'g', 1)
redis.call('HDEL', KEYS[1], 'v')
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 1`)

// Cache is one kind of snapshot, T its value (JSON-encodable). Prepare, when set, runs on a
// value loaded from Redis or the database before this node keeps it (opening sealed secrets,
// building lookup maps), so the hot path finds it ready.
type Cache[T any] struct {
	name     string
	localTTL time.Duration
	redisTTL time.Duration
	Prepare  func(*T) error

	mu    sync.RWMutex
	local map[string]entry[T]
	group singleflight.Group
	// epoch counts this node's invalidations: a load that started before one is answered but
	// not kept, so a node never holds on to a row it was just told changed.
	epoch atomic.Uint64
}

type entry[T any] struct {
	v   *T
	exp time.Time
}

// invalidators are the caches of this process by name, so a writer that knows only the name
// (another module) drops this node's copy at once as well.
var (
	regMu        sync.RWMutex
	invalidators = map[string]func(id string){}
)

// New declares the cache name; localTTL bounds how long a node answers from memory after a
// change on another node, redisTTL how long an unchanged value stays shared.
func New[T any](name string, localTTL, redisTTL time.Duration) *Cache[T] {
	c := &Cache[T]{name: name, localTTL: localTTL, redisTTL: redisTTL, local: map[string]entry[T]{}}
	regMu.Lock()
	defer regMu.Unlock()
	if _, dup := invalidators[name]; dup {
		panic("snapcache: cache " + name + " declared twice")
	}
	invalidators[name] = c.forget
	return c
}

func key(name, id string) string { return redisx.Key("snap", name, id) }

// Get answers the snapshot of id: from memory, else Redis, else load (found=false: no such
// row, nothing is cached). Concurrent misses of one id on a node share one load.
func (c *Cache[T]) Get(ctx context.Context, id string, load func(ctx context.Context) (*T, error)) (*T, error) {
	now := time.Now() // cache bookkeeping, not a business time
	c.mu.RLock()
	e, ok := c.local[id]
	c.mu.RUnlock()
	if ok && now.Before(e.exp) {
		return e.v, nil
	}
	v, err, _ := c.group.Do(id, func() (any, error) { return c.fetch(ctx, id, load) })
	if err != nil || v == nil {
		return nil, err
	}
	return v.(*T), nil
}

func (c *Cache[T]) fetch(ctx context.Context, id string, load func(ctx context.Context) (*T, error)) (*T, error) {
	epoch := c.epoch.Load()
	k := key(c.name, id)
	vals, err := g.Redis().Do(ctx, "HMGET", k, "v", "g")
	if err != nil {
		return nil, err
	}
	parts := vals.Strings()
	if len(parts) == 2 && parts[0] != "" {
		var v T
		if err := json.Unmarshal([]byte(parts[0]), &v); err == nil {
			return c.keep(id, &v, epoch)
		}
	}
	gen := ""
	if len(parts) == 2 {
		gen = parts[1]
	}
	v, err := load(ctx)
	if err != nil || v == nil {
		return nil, err
	}
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("snapcache %s: %w", c.name, err)
	}
	stored, err := fillScript.Run(ctx, g.Redis(), []string{k}, gen, string(raw), c.redisTTL.Milliseconds())
	if err != nil {
		return nil, err
	}
	if stored.Int() != 1 {
		// A change landed while this load ran: answer what was read, keep nothing.
		epoch = ^uint64(0)
	}
	return c.keep(id, v, epoch)
}

// keep prepares v and holds it locally unless an invalidation came after epoch was read.
func (c *Cache[T]) keep(id string, v *T, epoch uint64) (*T, error) {
	if c.Prepare != nil {
		if err := c.Prepare(v); err != nil {
			return nil, err
		}
	}
	if c.epoch.Load() != epoch {
		return v, nil
	}
	c.mu.Lock()
	c.local[id] = entry[T]{v: v, exp: time.Now().Add(c.localTTL)}
	if len(c.local) > maxLocal {
		c.sweep()
	}
	c.mu.Unlock()
	return v, nil
}

// maxLocal bounds a node's memory: past it, expired entries are dropped (and all of them if
// none has expired, which only a flood of distinct ids within one TTL can cause).
const maxLocal = 100_000

func (c *Cache[T]) sweep() {
	now := time.Now()
	for id, e := range c.local {
		if !now.Before(e.exp) {
			delete(c.local, id)
		}
	}
	if len(c.local) > maxLocal {
		c.local = map[string]entry[T]{}
	}
}

// Put replaces this node's copy of id with v (a writer that knows the new state keeps it, so
// its own next read needs no round trip); other nodes still learn of the change by Invalidate.
func (c *Cache[T]) Put(id string, v *T) {
	c.mu.Lock()
	c.local[id] = entry[T]{v: v, exp: time.Now().Add(c.localTTL)}
	c.mu.Unlock()
}

func (c *Cache[T]) forget(id string) {
	c.epoch.Add(1)
	c.mu.Lock()
	delete(c.local, id)
	c.mu.Unlock()
	c.group.Forget(id)
}

// Invalidate tells every node that the row behind id of cache name changed: this node forgets
// it now, the others within their local TTL. Call it after the change committed.
func Invalidate(ctx context.Context, name string, ids ...string) error {
	regMu.RLock()
	forget := invalidators[name]
	regMu.RUnlock()
	for _, id := range ids {
		if forget != nil {
			forget(id)
		}
		if _, err := bumpScript.Run(ctx, g.Redis(), []string{key(name, id)}, keepGeneration.Milliseconds()); err != nil {
			return fmt.Errorf("snapcache: invalidate %s %s: %w", name, id, err)
		}
	}
	return nil
}

// keepGeneration is how long a generation outlives its last change: far above any load's
// duration, so no reader's noted generation can vanish under it.
const keepGeneration = time.Hour

// Changed is Invalidate for writers whose change already committed: a failure cannot undo
// it, so it is logged (the other nodes then catch up within the Redis TTL) instead of failing
// a request that succeeded.
func Changed(ctx context.Context, name string, ids ...string) {
	if err := Invalidate(ctx, name, ids...); err != nil {
		g.Log().Warningf(ctx, "%v (the change is seen everywhere within %s)", err, "the snapshot's Redis TTL")
	}
}
