package auth

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/net/ghttp"

	"kami/internal/infra/peer"
)

// RefreshCookie is the httpOnly cookie Vben sends to /auth/refresh (admin-api.md).
const RefreshCookie = "jwt"

// RefreshCookiePath limits the refresh cookie to the auth routes that read it (refresh, logout;
// login sets it), so no other request, and nothing a page script reaches, carries it.
const RefreshCookiePath = "/api/auth"

// legacyCookiePath is where releases before RefreshCookiePath put the cookie.
const legacyCookiePath = "/"

// setRefreshCookie sets (maxAge > 0) or clears (maxAge < 0) the refresh cookie. It is
// SameSite=Strict (only the panel's own pages send it) and Secure whenever the browser reached
// us over https, so plain-HTTP `make run` keeps working while a TLS deployment never lets
// the cookie travel in clear.
func (s *sAuth) setRefreshCookie(ctx context.Context, value string, maxAge time.Duration) {
	r := g.RequestFromCtx(ctx)
	if r == nil {
		return
	}
	secure := s.cookieSecure(r)
	r.Cookie.SetHttpCookie(&http.Cookie{
		Name:     RefreshCookie,
		Value:    value,
		Path:     RefreshCookiePath,
		HttpOnly: true,
		Secure:   secure,
		SameSite: http.SameSiteStrictMode,
		MaxAge:   int(maxAge / time.Second),
	})
	if len(r.Request.CookiesNamed(RefreshCookie)) > 1 {
		// The browser still holds a cookie of an older release at "/"; expire it, or it would
		// keep riding along beside the current one.
		http.SetCookie(r.Response.Writer, &http.Cookie{
			Name: RefreshCookie, Path: legacyCookiePath, MaxAge: -1,
			HttpOnly: true, Secure: secure, SameSite: http.SameSiteStrictMode,
		})
	}
}

// clearRefreshCookie tells the browser to drop the refresh cookie (same name and path).
func (s *sAuth) clearRefreshCookie(ctx context.Context) { s.setRefreshCookie(ctx, "", -time.Second) }

// refreshCookieValue is the refresh cookie the request carries. With two of that name (the
// current one and an older release's at "/") browsers send the more specific path first,
// which is the one to use; gf's cookie map would keep the last.
func refreshCookieValue(r *ghttp.Request) string {
	c, err := r.Request.Cookie(RefreshCookie)
	if err != nil {
		return ""
	}
	return c.Value
}

// cookieSecure says whether the refresh cookie gets the Secure flag: forced by
// kami.auth.cookieSecure, implied by an https publicUrl, or because this request came over TLS
// (directly, or per X-Forwarded-Proto from a trusted proxy).
func (s *sAuth) cookieSecure(r *ghttp.Request) bool {
	c := s.cfg()
	if c.Auth.CookieSecure || strings.HasPrefix(strings.ToLower(strings.TrimSpace(c.PublicURL)), "https://") {
		return true
	}
	return peer.TLS(r.Request)
}
