package relay

import (
	"context"
	"math"
	"net/http"
	"strconv"

	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/infra/redisx"
	"kami/utility/ratelimit"
)

// rpmAllow applies the token's rpmLimit (0: none) with the shared GCRA limiter; a refusal is
// 429 rate_limit_exceeded with Retry-After in whole seconds.
func rpmAllow(ctx context.Context, tk *token) *apiError {
	if tk.RPMLimit <= 0 {
		return nil
	}
	res, err := ratelimit.New(g.Redis()).Allow(ctx, redisx.Key("relay", "rpm", strconv.FormatInt(tk.ID, 10)),
		ratelimit.PerMinute(tk.RPMLimit))
	if err != nil {
		return newAPIError(http.StatusServiceUnavailable, "service_unavailable", "The service is temporarily unavailable.")
	}
	if res.Allowed {
		return nil
	}
	e := newAPIError(http.StatusTooManyRequests, "rate_limit_exceeded", "Rate limit reached for this API key.")
	e.RetryAfter = strconv.Itoa(int(math.Ceil(max(res.RetryAfter.Seconds(), 1))))
	return e
}
