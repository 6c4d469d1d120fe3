package openapi

import (
	"context"
	"math"
	"strconv"
	"time"

	"github.com/gogf/gf/v2/container/gvar"
	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/errs"
	"kami/internal/infra/redisx"
	"kami/utility/ratelimit"
	"kami/utility/redisscript"
)

// admitScript is the request's one Redis round trip: the caller IP's limit within the project,
// the project's limit, then the nonce (SET NX, kept nonceLife). A limit of interval 0 is off.
// KEYS: ip limit, app limit, nonce (one hash slot: the project's {tag}). ARGV: ip interval,
// ip burst, app interval, app burst, nonce ms. Returns {0 ok | 1 ip limit | 2 app limit |
// 3 nonce replayed, retry after µs}. The limits come first: a refused call spends no nonce,
// so the client may retry it as it was.
var admitScript = redisscript.New(ratelimit.LuaNow + ratelimit.GCRALua + `
local ipi, ipb = tonumber(ARGV[1]), tonumber(ARGV[2])
if ipi > 0 then
	local r = gcra(KEYS[1], ipi, ipb, 1, now)
	if r[1] == 0 then return {1, r[3]} end
end
local api, apb = tonumber(ARGV[3]), tonumber(ARGV[4])
if api > 0 then
	local r = gcra(KEYS[2], api, apb, 1, now)
	if r[1] == 0 then return {2, r[3]} end
end
if not redis.call('SET', KEYS[3], '1', 'NX', 'PX', ARGV[5]) then return {3, 0} end
return {0, 0}`)

// Admissions share Redis pipelines (redisscript.Pipeline): a few in flight at once, each
// bounded like any other Redis call.
const (
	admitLanes   = 2
	admitTimeout = 3 * time.Second
)

// perMinute is a project limit (requests per minute; 0: none) as a GCRA limit whose burst is
// one second's worth: 12000/min means 200/s, never 12000 at once.
func perMinute(n int) (interval int64, burst int) {
	if n <= 0 {
		return 0, 0
	}
	lim := ratelimit.Limit{Rate: n, Period: time.Minute, Burst: max(1, n/60)}
	iv, err := lim.Interval()
	if err != nil {
		return 0, 0
	}
	return iv, lim.Burst
}

// admit spends the call's rate limits and its nonce.
func (s *sOpenapi) admit(ctx context.Context, c *call) error {
	tag := "{p" + strconv.FormatInt(c.project.ID, 10) + "}"
	ipi, ipb := perMinute(c.project.RatePerIP)
	api, apb := perMinute(c.project.RatePerApp)
	keys := []string{redisx.Key("oa", tag, "ip", c.ip), redisx.Key("oa", tag, "app"), redisx.Key("oa", tag, "n", c.nonce)}
	args := []any{ipi, ipb, api, apb, nonceLife.Milliseconds()}
	var v *gvar.Var
	var err error
	if pipe := s.pipe.Load(); pipe != nil {
		v, err = pipe.Run(ctx, admitScript, keys, args...)
	} else {
		v, err = admitScript.Run(ctx, g.Redis(), keys, args...)
	}
	if err != nil {
		return errs.Unavailable.Wrap(err)
	}
	out := v.Int64s()
	if len(out) != 2 {
		return errs.Unavailable.New()
	}
	switch out[0] {
	case 0:
		return nil
	case 3:
		return errs.NonceReplayed.New()
	}
	s.strike(ctx, c.ip)
	return errs.RateLimited.New(int(math.Ceil(float64(out[1]) / 1e6)))
}
