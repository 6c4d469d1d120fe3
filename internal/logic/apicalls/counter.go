package apicalls

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"kami/internal/timefmt"
)

// counterKey is what one count is kept under. day is the calendar date as yyyymmdd, so
// computing it allocates nothing; the strings are the caller's (constants, in the OpenAPI), so a
// key built per call allocates nothing either.
type counterKey struct {
	project  int64
	day      int32
	endpoint string
	result   string
}

// dayOf is t's date in the display zone (kami.timeZone) as yyyymmdd.
func dayOf(t time.Time) int32 {
	y, m, d := t.In(timefmt.Zone()).Date()
	return int32(y*10000 + int(m)*100 + d)
}

// dayString renders a yyyymmdd date as the table's YYYY-MM-DD.
func dayString(day int32) string {
	return fmt.Sprintf("%04d-%02d-%02d", day/10000, day/100%100, day%100)
}

// shardCount spreads the projects' counters over independent locks.
const shardCount = 32

// counter is this node's counts since the last flush. Each shard maps a key to its own atomic
// counter: a call whose key is already there takes only the shard's read lock and adds
// atomically, so calls of one project never wait for each other; a new key takes the write
// lock once. A flush swaps a shard's map for an empty one under the write lock, after which no
// call can still be adding to the old counters.
type counter struct {
	shards [shardCount]shard
}

type shard struct {
	mu sync.RWMutex
	m  map[counterKey]*atomic.Int64
	_  [40]byte // keeps two shards' locks off one cache line
}

func (c *counter) init() {
	for i := range c.shards {
		c.shards[i].m = map[counterKey]*atomic.Int64{}
	}
}

// shard picks k's shard by FNV-1a over the project and both names, so one project's
// endpoints and results spread over the shards too.
func (c *counter) shard(k counterKey) *shard {
	h := uint64(14695981039346656037) ^ uint64(k.project)
	h *= 1099511628211
	for i := 0; i < len(k.endpoint); i++ {
		h = (h ^ uint64(k.endpoint[i])) * 1099511628211
	}
	for i := 0; i < len(k.result); i++ {
		h = (h ^ uint64(k.result[i])) * 1099511628211
	}
	return &c.shards[h%shardCount]
}

func (c *counter) add(k counterKey, n int64) {
	sh := c.shard(k)
	sh.mu.RLock()
	if v := sh.m[k]; v != nil {
		v.Add(n)
		sh.mu.RUnlock()
		return
	}
	sh.mu.RUnlock()
	sh.mu.Lock()
	v := sh.m[k]
	if v == nil {
		v = new(atomic.Int64)
		sh.m[k] = v
	}
	v.Add(n)
	sh.mu.Unlock()
}

// take hands over every count since the last take and starts afresh.
func (c *counter) take() map[counterKey]int64 {
	out := map[counterKey]int64{}
	for i := range c.shards {
		sh := &c.shards[i]
		sh.mu.Lock()
		old := sh.m
		if len(old) > 0 {
			sh.m = make(map[counterKey]*atomic.Int64, len(old))
		}
		sh.mu.Unlock()
		if len(old) == 0 {
			continue
		}
		for k, v := range old {
			if n := v.Load(); n != 0 {
				out[k] += n
			}
		}
	}
	return out
}
