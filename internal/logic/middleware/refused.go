package middleware

import (
	"net/http"

	"github.com/gogf/gf/v2/net/ghttp"

	"kami/internal/errs"
	"kami/internal/infra/peer"
	"kami/internal/infra/throttle"
	"kami/utility/ratelimit"
)

// refuseUnauthenticated turns an authentication failure into the answer the client gets.
// A 401 costs the caller nothing, so one IP could fill the operation log at hundreds of rows a
// second: the 401s are counted per IP, and past kami.http.unauthenticatedPerMinute the answer
// is 429 with Retry-After and no log row (the metrics still count every one). A 401 row never
// keeps the body: it is whatever an anonymous caller chose to send.
func (s *sMiddleware) refuseUnauthenticated(r *ghttp.Request, err error) error {
	e, ok := errs.As(err)
	if !ok || e.Code().(errs.Code).HTTPStatus() != http.StatusUnauthorized {
		return err
	}
	ctx := r.Context()
	st := stateFrom(ctx)
	if st != nil {
		st.anonymous = true
	}
	limit := ratelimit.PerMinute(s.cfg().HTTP.UnauthenticatedPerMinute)
	// Redis being down leaves the 401 as it is: the request is refused either way, and a
	// missing token must not start answering 503.
	lerr := throttle.Allow(ctx, "unauth:"+peer.IP(r.Request), limit)
	if lerr == nil || !errs.Is(lerr, errs.RateLimited) {
		return err
	}
	if st != nil {
		st.throttled = true
	}
	return lerr
}
