package middleware

import (
	"strconv"

	"github.com/gogf/gf/v2/net/ghttp"

	"kami/internal/errs"
	"kami/internal/service"
)

// Maintenance refuses every mutating call with 503 MAINTENANCE and Retry-After while the
// maintenance switch is on; reads go on, and so do the routes whose g.Meta says
// maintenance:"exempt" (paying customers' traffic; login, refresh and logout, and the settings
// write that switches maintenance off again). It runs before authentication, so a refused call
// costs no session lookup and nothing is written; the route's method and tag are those of the
// route that matched, never the path string.
func (s *sMiddleware) Maintenance(r *ghttp.Request) {
	if isRead(routeMethod(r)) || routeTag(r, TagMaintenance) == MaintenanceExempt {
		r.Middleware.Next()
		return
	}
	if on, retry := service.Maintenance().Refusal(); on {
		r.Response.Header().Set("Retry-After", strconv.FormatInt(retry, 10))
		Abort(r, errs.Maintenance.New(retry))
		return
	}
	r.Middleware.Next()
}
