package auth

import (
	"context"
	"math"
	"strconv"

	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/errs"
	"kami/internal/infra"
	"kami/utility/ratelimit"
)

// limit applies a per-IP rate limit shared by all nodes and sets Retry-After when it refuses.
func limit(ctx context.Context, name, ip string, l ratelimit.Limit) error {
	res, err := ratelimit.New(g.Redis()).Allow(ctx, infra.Key("rl", name, ip), l)
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
