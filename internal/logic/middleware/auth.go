package middleware

import (
	"strings"

	"github.com/gogf/gf/v2/net/ghttp"

	"kami/internal/errs"
	"kami/internal/principal"
	"kami/internal/service"
)

// Auth authenticates the bearer token against the session store and, unless the route is
// open to any logged-in user, enforces RBAC on the route pattern and the method of the route
// that will run. Every failure stops the chain.
func (s *sMiddleware) Auth(r *ghttp.Request) {
	access := routeTag(r, TagAuth)
	if access == AccessPublic {
		r.Middleware.Next()
		return
	}
	ctx := r.Context()
	p, err := service.Auth().Authenticate(ctx, BearerToken(r))
	if err != nil {
		Abort(r, s.refuseUnauthenticated(r, err))
		return
	}
	r.SetCtx(principal.With(ctx, p))
	if access != AccessLogin {
		if p.MustChangePassword {
			Abort(r, errs.PasswordChangeDue.New())
			return
		}
		allowed, err := service.Rbac().Enforce(r.Context(), p.Role, r.Router.Uri, routeMethod(r))
		if err != nil {
			Abort(r, err)
			return
		}
		if !allowed {
			Abort(r, errs.Forbidden.New())
			return
		}
	}
	r.Middleware.Next()
}

// BearerToken returns the token of an "Authorization: Bearer <token>" header, or "".
func BearerToken(r *ghttp.Request) string {
	h := r.Header.Get("Authorization")
	if len(h) > 7 && strings.EqualFold(h[:7], "bearer ") {
		return strings.TrimSpace(h[7:])
	}
	return ""
}
