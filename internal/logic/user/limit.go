package user

import (
	"context"
	"math"

	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/errs"
	"kami/internal/infra"
	"kami/utility/ratelimit"
)

// allow spends one unit of limit on key (shared by every node through Redis) and answers 429
// with the wait when it is used up. Redis being down fails closed: these are public endpoints
// that send mail, the first thing an abuser would hammer.
func allow(ctx context.Context, key string, limit ratelimit.Limit) error {
	res, err := ratelimit.New(g.Redis()).Allow(ctx, infra.Key("user", "limit", key), limit)
	if err != nil {
		return errs.Unavailable.Wrap(err)
	}
	if !res.Allowed {
		return errs.RateLimited.New(int(math.Ceil(res.RetryAfter.Seconds())))
	}
	return nil
}

func clientIP(ctx context.Context) string {
	if r := g.RequestFromCtx(ctx); r != nil {
		return infra.ClientIP(r.Request)
	}
	return ""
}
