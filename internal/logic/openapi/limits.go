package openapi

import (
	"context"
	"strconv"
	"time"

	"github.com/gogf/gf/v2/container/gvar"
	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/infra/redisx"
	"kami/internal/logic/openapi/signed"
	"kami/utility/ratelimit"
)

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
	run := signed.Direct(g.Redis())
	if pipe := s.pipe.Load(); pipe != nil {
		run = func(ctx context.Context, keys []string, args ...any) (*gvar.Var, error) {
			return pipe.Run(ctx, signed.AdmitScript, keys, args...)
		}
	}
	limited, err := signed.Admit(ctx, run, keys, signed.Limit{Interval: ipi, Burst: ipb}, signed.Limit{Interval: api, Burst: apb})
	if limited {
		s.strike(ctx, c.ip)
	}
	return err
}
