package throttle

import (
	"context"
	"math"
	"strconv"

	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/errs"
	"kami/internal/infra/redisx"
	"kami/utility/ratelimit"
)

// Allow spends one unit of limit on key (shared by every node through Redis) and answers
// 429 RATE_LIMITED with a Retry-After header when it is used up. Redis being down fails
// closed with 503: limits guard public endpoints, the first thing an abuser would hammer.
func Allow(ctx context.Context, key string, limit ratelimit.Limit) error {
	res, err := ratelimit.New(g.Redis()).Allow(ctx, redisx.Key("rl", key), limit)
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
