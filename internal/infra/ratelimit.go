package infra

import (
	"context"
	"math"
	"strconv"

	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/errs"
	"kami/utility/ratelimit"
)

// Allow spends one unit of limit on key (shared by every node through Redis) and answers
// 429 RATE_LIMITED with a Retry-After header when it is used up. Redis being down fails
// closed with 503: limits guard public endpoints, the first thing an abuser would hammer.
func Allow(ctx context.Context, key string, limit ratelimit.Limit) error {
	res, err := ratelimit.New(g.Redis()).Allow(ctx, Key("rl", key), limit)
	if err != nil {
		return errs.Unavailable.Wrap(err)
	}
	if res.Allowed {
		return nil
	}
	secs := int(math.Ceil(res.RetryAfter.Seconds()))
	if r := g.RequestFromCtx(ctx); r != nil {
		r.Response.Header().Set("Retry-After", strconv.Itoa(secs))
	}
	return errs.RateLimited.New(secs)
}

// RequestIP is the client address of the request in ctx, or "" outside a request.
func RequestIP(ctx context.Context) string {
	if r := g.RequestFromCtx(ctx); r != nil {
		return ClientIP(r.Request)
	}
	return ""
}
