// Package ratelimit is a Redis-backed rate limiter using GCRA (the generic
// cell rate algorithm): per key it stores a single number, the theoretical
// arrival time (TAT) at which the key would be idle again, and decides and
// updates it in one Lua script so concurrent callers cannot both spend the
// last unit.
//
// The script reads the clock with Redis TIME rather than taking it from the
// caller: every app node then measures against the same clock, so a node whose
// clock runs ahead cannot refill buckets early for everyone else.
package ratelimit

import (
	"context"
	"errors"
	"fmt"
	"kami/utility/redisscript"
	"time"

	"github.com/gogf/gf/v2/database/gredis"
)

var (
	// ErrUnavailable wraps every failure to get an answer from Redis. Whether
	// to let the request through (fail open) is the caller's decision.
	ErrUnavailable = errors.New("ratelimit: redis unavailable")
	// ErrInvalidLimit reports a Limit or n that cannot be enforced.
	ErrInvalidLimit = errors.New("ratelimit: invalid limit")
)

// Limit allows Rate requests per Period on average, and up to Burst at once
// after a quiet spell. Time resolution is 1µs; the per-request interval
// Period/Rate is rounded up, so a limit is never exceeded by rounding.
type Limit struct {
	Rate   int
	Period time.Duration
	Burst  int
}

// PerSecond is rate requests per second with an equal burst.
func PerSecond(rate int) Limit { return Limit{Rate: rate, Period: time.Second, Burst: rate} }

// PerMinute is rate requests per minute with an equal burst.
func PerMinute(rate int) Limit { return Limit{Rate: rate, Period: time.Minute, Burst: rate} }

// PerHour is rate requests per hour with an equal burst.
func PerHour(rate int) Limit { return Limit{Rate: rate, Period: time.Hour, Burst: rate} }

// Result describes one decision.
type Result struct {
	// Allowed is whether the n requests were admitted (and counted).
	Allowed bool
	// Remaining is how many more requests would be admitted right now.
	Remaining int
	// RetryAfter is how long until the same request would be admitted; zero
	// when Allowed.
	RetryAfter time.Duration
	// ResetAfter is how long until the key is back at a full burst.
	ResetAfter time.Duration
}

// maxSpan caps how far a TAT may lead "now", in µs. Lua numbers are doubles,
// exact only up to 2^53; "now" already takes ~2^51, so the lead has to stay
// well below that for the arithmetic to remain exact integers.
const maxSpan = 1 << 51

// GCRALua defines the Lua function gcra(key, interval, burst, n, now) -> {allowed, remaining,
// retry_after_us, reset_after_us}, for scripts that check a limit among other steps in one
// round trip (the OpenAPI's nonce and two limits). now is in µs, from Redis TIME; interval,
// burst and n are integers (Limit.Interval, Limit.Burst).
//
// Values are stored with string.format('%.0f'): Lua's tostring keeps only 14 significant
// digits, which would silently round a µs timestamp. Integer division is corrected by hand
// because a/b on doubles can round up across an integer boundary.
const GCRALua = `
local function gcra_idiv(a, b)
	if a <= 0 then return 0 end
	local q = math.floor(a / b)
	if q * b > a then q = q - 1 elseif (q + 1) * b <= a then q = q + 1 end
	return q
end
local function gcra(key, interval, burst, n, now)
	local window = interval * burst
	local tat = tonumber(redis.call('GET', key)) or now
	if tat < now then tat = now end
	local new_tat = tat + n * interval
	local allow_at = new_tat - window
	if allow_at > now then
		return {0, gcra_idiv(window - (tat - now), interval), allow_at - now, tat - now}
	end
	if n > 0 then
		redis.call('SET', key, string.format('%.0f', new_tat), 'PX', math.ceil((new_tat - now) / 1000))
	end
	return {1, gcra_idiv(window - (new_tat - now), interval), 0, new_tat - now}
end
`

// LuaNow is the Lua prologue that reads Redis TIME into now (µs) and allows the script's
// writes under script effects replication (Redis < 5).
const LuaNow = `
if redis.replicate_commands then redis.replicate_commands() end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
`

// gcraScript: KEYS[1] the key; ARGV interval µs, burst, n (all integers).
// Returns {allowed, remaining, retry_after_us, reset_after_us}.
var gcraScript = redisscript.New(LuaNow + GCRALua +
	`return gcra(KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), now)`)

// Limiter checks limits on one Redis. It is safe for concurrent use.
type Limiter struct {
	r *gredis.Redis
}

// New returns a Limiter using r. It panics on a nil r, a wiring mistake
// better found at startup than on the first request.
func New(r *gredis.Redis) *Limiter {
	if r == nil {
		panic("ratelimit: nil *gredis.Redis")
	}
	return &Limiter{r: r}
}

// Allow is AllowN with n = 1.
func (l *Limiter) Allow(ctx context.Context, key string, limit Limit) (Result, error) {
	return l.AllowN(ctx, key, limit, 1)
}

// AllowN admits n requests on key at once or none of them. n = 0 only reports
// the current state. n above limit.Burst can never be admitted and is
// rejected as ErrInvalidLimit instead of being refused forever.
func (l *Limiter) AllowN(ctx context.Context, key string, limit Limit, n int) (Result, error) {
	interval, err := limit.Interval()
	if err != nil {
		return Result{}, err
	}
	if n < 0 || n > limit.Burst {
		return Result{}, fmt.Errorf("%w: n=%d outside 0..burst %d", ErrInvalidLimit, n, limit.Burst)
	}
	v, err := gcraScript.Run(ctx, l.r, []string{key}, interval, limit.Burst, n)
	if err != nil {
		return Result{}, unavailable("allow", key, err)
	}
	vals := v.Int64s()
	if len(vals) != 4 {
		return Result{}, unavailable("allow", key, fmt.Errorf("unexpected reply %q", v.String()))
	}
	return Result{
		Allowed:    vals[0] == 1,
		Remaining:  int(vals[1]),
		RetryAfter: time.Duration(vals[2]) * time.Microsecond,
		ResetAfter: time.Duration(vals[3]) * time.Microsecond,
	}, nil
}

// Interval is the emission interval Period/Rate in whole µs, rounded up: the interval argument
// of GCRALua's gcra.
func (lim Limit) Interval() (int64, error) {
	if lim.Rate <= 0 || lim.Period <= 0 || lim.Burst <= 0 {
		return 0, fmt.Errorf("%w: %+v: rate, period and burst must be positive", ErrInvalidLimit, lim)
	}
	// Two ceiling divisions equal one (Period / (1µs*Rate)) without the
	// product, which could overflow for absurd rates.
	iv := ceilDiv(ceilDiv(int64(lim.Period), int64(time.Microsecond)), int64(lim.Rate))
	if iv > maxSpan/int64(lim.Burst) {
		return 0, fmt.Errorf("%w: %+v: period*burst/rate is too long", ErrInvalidLimit, lim)
	}
	return iv, nil
}

func ceilDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 {
		q++
	}
	return q
}
