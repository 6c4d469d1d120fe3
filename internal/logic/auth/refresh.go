package auth

import (
	"context"

	"github.com/gogf/gf/v2/frame/g"

	v1 "kami/api/auth/v1"
	"kami/internal/errs"
	"kami/internal/logic/middleware"
	"kami/internal/principal"
	"kami/internal/service"
)

// Refresh rotates the refresh cookie and answers the new access token as the raw body, which
// is what Vben's refresh handler reads. Refreshes racing with one cookie all get the same new
// cookie (see rotate.go).
func (s *sAuth) Refresh(ctx context.Context, _ *v1.RefreshReq) (*v1.RefreshRes, error) {
	r := g.RequestFromCtx(ctx)
	cookie := refreshCookieValue(r)
	if cookie == "" {
		return nil, errs.RefreshInvalid.New()
	}
	now := s.clock.Now()
	u, sid, next, err := s.rotate(ctx, cookie, now)
	if err != nil {
		if errs.Is(err, errs.RefreshInvalid) {
			s.clearRefreshCookie(ctx)
		}
		return nil, err
	}
	access, err := s.signAccess(u.Id, sid, now)
	if err != nil {
		return nil, err
	}
	s.setRefreshCookie(ctx, next, s.cfg().Auth.RefreshTTL)
	r.Response.Write(access)
	return nil, nil
}

// Logout ends the session named by the bearer token, the one named by the refresh cookie, or
// both, and always clears the cookie. The stock Vben client logs out through its bare client:
// the cookie and no Authorization header. A cookie ends its session only with a secret that
// would refresh it, so knowing a session id is not enough to log someone out.
func (s *sAuth) Logout(ctx context.Context, _ *v1.LogoutReq) (*v1.LogoutRes, error) {
	r := g.RequestFromCtx(ctx)
	var sessions []string
	if tok := middleware.BearerToken(r); tok != "" {
		if p, err := s.Authenticate(ctx, tok); err == nil {
			sessions = append(sessions, p.SessionID)
			r.SetCtx(principal.With(r.Context(), p)) // the operation log names who logged out
		}
	}
	sid, err := s.cookieSession(ctx, refreshCookieValue(r), s.clock.Now())
	if err != nil {
		return nil, err
	}
	if sid != "" {
		sessions = append(sessions, sid)
	}
	for _, id := range sessions {
		if err = s.revokeSession(ctx, id, "logout"); err != nil {
			return nil, err
		}
	}
	s.clearRefreshCookie(ctx)
	res := v1.LogoutRes("")
	return &res, nil
}

// Codes lists the caller's button permission codes.
func (s *sAuth) Codes(ctx context.Context, _ *v1.CodesReq) (*v1.CodesRes, error) {
	codes, err := service.Rbac().Codes(ctx, principal.From(ctx).Role)
	if err != nil {
		return nil, err
	}
	res := v1.CodesRes(codes)
	return &res, nil
}
