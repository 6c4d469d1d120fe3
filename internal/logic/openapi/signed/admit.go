package signed

import (
	"context"
	"math"

	"github.com/gogf/gf/v2/container/gvar"
	"github.com/gogf/gf/v2/database/gredis"

	"kami/internal/errs"
	"kami/utility/ratelimit"
	"kami/utility/redisscript"
)

// AdmitScript is a request's one Redis round trip: the caller IP's limit, the key's limit,
// then the nonce (SET NX, kept NonceLife). A limit of interval 0 is off. KEYS: ip limit, app
// limit, nonce (one hash slot: the key's {tag}). ARGV: ip interval, ip burst, app interval,
// app burst, nonce ms. Returns {0 ok | 1 ip limit | 2 app limit | 3 nonce replayed, retry
// after µs}. The limits come first: a refused call spends no nonce, so the client may retry
// it as it was.
var AdmitScript = redisscript.New(ratelimit.LuaNow + ratelimit.GCRALua + `
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

// Limit is one GCRA limit of the admission: interval µs, burst; a zero interval is off.
type Limit struct {
	Interval int64
	Burst    int
}

// Runner runs the script: a shared pipeline or a plain Redis client.
type Runner func(ctx context.Context, keys []string, args ...any) (*gvar.Var, error)

// Direct runs the script on r, one call at a time.
func Direct(r *gredis.Redis) Runner {
	return func(ctx context.Context, keys []string, args ...any) (*gvar.Var, error) {
		return AdmitScript.Run(ctx, r, keys, args...)
	}
}

// Admit spends the call's limits and its nonce. keys: ip limit, app limit, nonce, in one hash
// slot. It answers nil, RATE_LIMITED (with the seconds to wait; limited reports it so the
// caller can count it), NONCE_REPLAYED or UNAVAILABLE.
func Admit(ctx context.Context, run Runner, keys []string, ip, app Limit) (limited bool, err error) {
	v, err := run(ctx, keys, ip.Interval, ip.Burst, app.Interval, app.Burst, NonceLife.Milliseconds())
	if err != nil {
		return false, errs.Unavailable.Wrap(err)
	}
	out := v.Int64s()
	if len(out) != 2 {
		return false, errs.Unavailable.New()
	}
	switch out[0] {
	case 0:
		return false, nil
	case 3:
		return false, errs.NonceReplayed.New()
	}
	return true, errs.RateLimited.New(int(math.Ceil(float64(out[1]) / 1e6)))
}
