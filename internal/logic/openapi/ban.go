package openapi

import (
	"context"
	"strconv"
	"sync"
	"time"

	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/infra/redisx"
	"kami/internal/service"
	"kami/utility/redisscript"
)

// Bans of caller IPs (seed 001 §8.1): refused calls count as strikes in Redis per IP; at
// openapi.ipBanThreshold strikes within openapi.ipBanWindow the IP is banned for
// openapi.ipBanDuration from the whole OpenAPI, on every node. The bans live in one Redis
// sorted set (IP -> end, unix seconds on the service clock) that each node copies into memory
// every second, so checking a ban costs a request nothing but a map lookup.
type banList struct {
	mu    sync.RWMutex
	until map[string]int64
}

func newBanList() *banList { return &banList{until: map[string]int64{}} }

func bansKey() string { return redisx.Key("oa", "bans") }

// left is how many seconds the ban of ip still lasts, 0 when it is not banned.
func (b *banList) left(ip string, now time.Time) int {
	b.mu.RLock()
	end := b.until[ip]
	b.mu.RUnlock()
	if end <= now.Unix() {
		return 0
	}
	return int(end - now.Unix())
}

func (b *banList) add(ip string, end int64) {
	b.mu.Lock()
	if end > b.until[ip] {
		b.until[ip] = end
	}
	b.mu.Unlock()
}

// refresh replaces this node's copy with the bans still running, and drops ended ones.
func (b *banList) refresh(ctx context.Context, now time.Time) {
	r := g.Redis()
	if _, err := r.Do(ctx, "ZREMRANGEBYSCORE", bansKey(), "-inf", now.Unix()); err != nil {
		return // Redis down: keep the copy; the requests themselves fail with 503 meanwhile
	}
	v, err := r.Do(ctx, "ZRANGE", bansKey(), 0, -1, "WITHSCORES")
	if err != nil {
		return
	}
	flat := v.Strings()
	next := make(map[string]int64, len(flat)/2)
	for i := 0; i+1 < len(flat); i += 2 {
		end, _ := strconv.ParseFloat(flat[i+1], 64)
		next[flat[i]] = int64(end)
	}
	b.mu.Lock()
	b.until = next
	b.mu.Unlock()
}

// strikeScript counts a strike of an IP in a window that starts with its first strike.
var strikeScript = redisscript.New(`
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n`)

// strike counts a refused call of ip and bans it at the threshold. Failing to count is only
// logged: the refusal stands either way.
func (s *sOpenapi) strike(ctx context.Context, ip string) {
	st := service.Settings()
	window := st.Duration(SettingBanWindow)
	v, err := strikeScript.Run(ctx, g.Redis(), []string{redisx.Key("oa", "strike", ip)}, window.Milliseconds())
	if err != nil {
		g.Log().Warningf(ctx, "openapi: counting a strike of %s: %v", ip, err)
		return
	}
	if v.Int64() < st.Int(SettingBanThreshold) {
		return
	}
	end := s.now().Add(st.Duration(SettingBanDuration)).Unix()
	s.bans.add(ip, end)
	if _, err := g.Redis().Do(ctx, "ZADD", bansKey(), end, ip); err != nil {
		g.Log().Warningf(ctx, "openapi: banning %s: %v", ip, err)
	}
}
