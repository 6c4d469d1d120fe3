package proxy

import (
	"context"
	"errors"
	"time"

	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/infra/redisx"
	"kami/internal/service"
	"kami/utility/ratelimit"
)

// maxPaceWait bounds how long one upstream attempt waits for the rate: past it the call fails
// as not sent (503 UPSTREAM_UNAVAILABLE, the reservation released) instead of queueing forever.
const maxPaceWait = 5 * time.Second

var errPaced = errors.New("proxy: the upstream request rate (proxy.rps) is exhausted")

// allowUpstreamCall spends one of proxy.rps requests per second to the upstream, counted in
// Redis (GCRA) so the limit holds for the whole deployment, not per node.
func allowUpstreamCall(ctx context.Context) (ratelimit.Result, error) {
	rps := int(service.Settings().Int(keyRPS))
	if rps <= 0 {
		return ratelimit.Result{Allowed: true}, nil
	}
	return ratelimit.New(g.Redis()).Allow(ctx, redisx.Key("proxy", "upstream", "rps"), ratelimit.PerSecond(rps))
}

// pace waits for the upstream rate to admit one request: it sleeps the limiter's RetryAfter
// and asks again, up to maxPaceWait in all. When Redis cannot answer it lets the call through
// (the limit protects the upstream from bursts; an outage of the store should not stop sales).
func pace(ctx context.Context, allow func(context.Context) (ratelimit.Result, error),
	sleep func(context.Context, time.Duration) error) error {
	var waited time.Duration
	for {
		res, err := allow(ctx)
		if err != nil {
			g.Log().Warningf(ctx, "proxy: upstream pacing unavailable, calling unpaced: %v", err)
			return nil
		}
		if res.Allowed {
			return nil
		}
		wait := max(res.RetryAfter, time.Millisecond)
		if waited+wait > maxPaceWait {
			return errPaced
		}
		if err := sleep(ctx, wait); err != nil {
			return err
		}
		waited += wait
	}
}
