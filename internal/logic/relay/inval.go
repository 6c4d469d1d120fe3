package relay

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gogf/gf/v2/database/gredis"
	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/infra/redisx"
)

// Cross-node invalidation (relay.md §6). A write commits, drops the L2 entries it made stale,
// then PUBLISHes relay:inval {kind,id,ver} and INCRs relay:ver. Every node listens on the
// channel (in force within 2 s) and also polls relay:ver every 5 s, so a node that lost
// messages (a dropped subscription, a Redis failover) catches up within 10 s.
const (
	versionPoll     = 5 * time.Second
	rebuildDebounce = 200 * time.Millisecond
	// dropInvalEnv, set to "1" in a node's environment, makes that node ignore every
	// invalidation message: the test hook that proves the version poll on its own.
	dropInvalEnv = "KAMI_TEST_RELAY_DROP_INVAL"
)

// invalMsg is what travels on relay:inval. Hashes name the token L2 keys to drop (a rotated
// token's old hash as well); Node lets the writer skip its own message.
type invalMsg struct {
	Kind   string   `json:"kind"`
	ID     int64    `json:"id"`
	Ver    int64    `json:"ver"`
	Hashes []string `json:"hashes,omitempty"`
	Node   string   `json:"node"`
}

func invalChannel() string { return redisx.Key("relay", "inval") }
func versionKey() string   { return redisx.Key("relay", "ver") }
func tokenL2Key(hash string) string {
	return redisx.Key("relay", "tok", hash)
}
func userL2Key(id int64) string { return redisx.Key("relay", "user", strconv.FormatInt(id, 10)) }

// invalidator is the node's side of the protocol: its subscription, its poll and the debounced
// snapshot rebuild.
type invalidator struct {
	node string
	drop bool

	mu      sync.Mutex
	stop    chan struct{}
	done    sync.WaitGroup
	conn    gredis.Conn
	timer   *time.Timer
	lastVer atomic.Int64
}

func newInvalidator() *invalidator {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return &invalidator{node: hex.EncodeToString(b[:])}
}

// Start subscribes to relay:inval and starts the version poll; boot calls it once Redis is
// open. A failing subscription is retried by its loop; the poll covers the gap meanwhile.
func (s *sRelay) Start(ctx context.Context) error {
	iv := s.inval
	iv.mu.Lock()
	defer iv.mu.Unlock()
	if iv.stop != nil {
		return nil
	}
	iv.drop = os.Getenv(dropInvalEnv) == "1"
	iv.stop = make(chan struct{})
	if v, err := g.Redis().Do(ctx, "GET", versionKey()); err == nil {
		iv.lastVer.Store(v.Int64())
	}
	ctx = context.WithoutCancel(ctx)
	iv.done.Add(2)
	go s.listen(ctx, iv.stop)
	go s.pollVersion(ctx, iv.stop)
	return nil
}

// Stop ends the subscription and the poll; the caches keep serving what they hold.
func (s *sRelay) Stop() {
	iv := s.inval
	iv.mu.Lock()
	if iv.stop == nil {
		iv.mu.Unlock()
		return
	}
	close(iv.stop)
	iv.stop = nil
	if iv.conn != nil {
		_ = iv.conn.Close(context.Background()) // unblocks Receive
	}
	if iv.timer != nil {
		iv.timer.Stop()
	}
	iv.mu.Unlock()
	iv.done.Wait()
}

// listen receives invalidation messages until Stop, re-subscribing after a broken connection.
func (s *sRelay) listen(ctx context.Context, stop chan struct{}) {
	iv := s.inval
	defer iv.done.Done()
	for {
		select {
		case <-stop:
			return
		default:
		}
		conn, _, err := g.Redis().Subscribe(ctx, invalChannel())
		if err != nil {
			if !sleepOrStop(stop, time.Second) {
				return
			}
			continue
		}
		iv.mu.Lock()
		if iv.stop != stop { // stopped while subscribing
			iv.mu.Unlock()
			_ = conn.Close(ctx)
			return
		}
		iv.conn = conn
		iv.mu.Unlock()
		// A message lost while (re)subscribing is caught by the version poll.
		for {
			v, err := conn.Receive(ctx)
			if err != nil {
				break
			}
			if m, ok := v.Val().(*gredis.Message); ok && !iv.drop {
				s.onMessage(ctx, m.Payload)
			}
		}
		iv.mu.Lock()
		iv.conn = nil
		iv.mu.Unlock()
		_ = conn.Close(ctx)
		if !sleepOrStop(stop, 200*time.Millisecond) {
			return
		}
	}
}

func sleepOrStop(stop chan struct{}, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-stop:
		return false
	case <-t.C:
		return true
	}
}

// onMessage applies another node's write to this node's caches.
func (s *sRelay) onMessage(ctx context.Context, payload string) {
	var m invalMsg
	if json.Unmarshal([]byte(payload), &m) != nil || m.Node == s.inval.node {
		return
	}
	// Only the next version in sequence is taken as seen: after a gap the poll flushes all.
	s.inval.lastVer.CompareAndSwap(m.Ver-1, m.Ver)
	switch m.Kind {
	case "token":
		s.tokens.drop(ctx, m.Hashes...)
		// A fill racing the writer may have put the old row back after its DEL (tokencache.go).
		delL2(ctx, tokenL2Keys(m.Hashes)...)
	case "user":
		s.tokens.dropUser(ctx, m.ID)
		delL2(ctx, userL2Key(m.ID))
	default: // channels, keys, prices, groups: the snapshot
		s.scheduleRebuild(ctx)
	}
}

// pollVersion reads relay:ver every 5 s: a value other than the last seen one means writes
// this node may have missed, so everything is dropped and the snapshot rebuilt.
func (s *sRelay) pollVersion(ctx context.Context, stop chan struct{}) {
	defer s.inval.done.Done()
	t := time.NewTicker(versionPoll)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
		}
		v, err := g.Redis().Do(ctx, "GET", versionKey())
		if err != nil {
			continue
		}
		if ver := v.Int64(); ver != s.inval.lastVer.Swap(ver) {
			s.tokens.clear(ctx)
			s.scheduleRebuild(ctx)
		}
	}
}

// scheduleRebuild rebuilds the snapshot after a 200 ms quiet period, so a burst of writes (a
// test-all, an import) costs one rebuild. The old snapshot serves until the new one is ready:
// the hot path never waits on the database.
func (s *sRelay) scheduleRebuild(ctx context.Context) {
	iv := s.inval
	iv.mu.Lock()
	defer iv.mu.Unlock()
	if iv.timer != nil {
		iv.timer.Reset(rebuildDebounce)
		return
	}
	iv.timer = time.AfterFunc(rebuildDebounce, func() { s.rebuild(ctx) })
}

func (s *sRelay) rebuild(ctx context.Context) {
	if err := s.refreshSnapshot(ctx); err != nil {
		g.Log("relay").Warningf(ctx, "relay snapshot rebuild: %v (retrying)", err)
		iv := s.inval
		iv.mu.Lock()
		if iv.timer != nil {
			iv.timer.Reset(time.Second)
		}
		iv.mu.Unlock()
	}
}

// announce is the write side, after the commit: drop the L2 entries, publish, bump the version.
// Redis being down here cannot undo the write: the failure is logged and the other nodes catch
// up through their TTLs.
func (s *sRelay) announce(ctx context.Context, kind string, id int64, hashes ...string) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 3*time.Second)
	defer cancel()
	switch kind {
	case "token":
		delL2(ctx, tokenL2Keys(hashes)...)
	case "user":
		delL2(ctx, userL2Key(id))
	}
	ver, err := g.Redis().Do(ctx, "INCR", versionKey())
	if err != nil {
		g.Log("relay").Warningf(ctx, "relay invalidation of %s %d: %v", kind, id, err)
		return
	}
	// Our own bump is no news to this node's poll.
	s.inval.lastVer.CompareAndSwap(ver.Int64()-1, ver.Int64())
	payload, _ := json.Marshal(invalMsg{Kind: kind, ID: id, Ver: ver.Int64(), Hashes: hashes, Node: s.inval.node})
	if _, err = g.Redis().Do(ctx, "PUBLISH", invalChannel(), string(payload)); err != nil {
		g.Log("relay").Warningf(ctx, "relay invalidation of %s %d: %v", kind, id, err)
	}
}

// delL2 deletes keys one by one: on a Redis Cluster they live in different hash slots.
func delL2(ctx context.Context, keys ...string) {
	for _, k := range keys {
		_, _ = g.Redis().Do(ctx, "DEL", k)
	}
}

func tokenL2Keys(hashes []string) []string {
	keys := make([]string, 0, len(hashes))
	for _, h := range hashes {
		if h != "" {
			keys = append(keys, tokenL2Key(h))
		}
	}
	return keys
}
