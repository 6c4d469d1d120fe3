package middleware

import (
	"strings"

	"github.com/gogf/gf/v2/net/ghttp"

	"kami/internal/errs"
	"kami/internal/principal"
	"kami/internal/service"
)

// Access levels an API declares in its g.Meta `auth` tag. No tag means the route is checked
// against RBAC policy, so a route someone forgot to annotate is refused, never opened.
const (
	AccessPublic = "public"
	AccessLogin  = "login"
)

// Auth authenticates the bearer token against the session store and, unless the route is
// open to any logged-in user, enforces RBAC on the route pattern. Every failure stops the chain.
func (s *sMiddleware) Auth(r *ghttp.Request) {
	access := r.GetServeHandler().GetMetaTag("auth")
	if access == AccessPublic {
		r.Middleware.Next()
		return
	}
	ctx := r.Context()
	p, err := service.Auth().Authenticate(ctx, BearerToken(r))
	if err != nil {
		Abort(r, err)
		return
	}
	r.SetCtx(principal.With(ctx, p))
	if access != AccessLogin {
		if p.MustChangePassword {
			Abort(r, errs.PasswordChangeDue.New())
			return
		}
		allowed, err := service.Rbac().Enforce(r.Context(), p.Role, r.Router.Uri, r.Method)
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
