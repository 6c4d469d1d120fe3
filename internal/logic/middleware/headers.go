package middleware

import (
	"strings"

	"github.com/gogf/gf/v2/net/ghttp"
)

// SecurityHeaders runs for every path, before any handler. No answer may be content-sniffed
// into something executable, and no /api answer may be kept by a browser or proxy cache: they
// carry tokens and personal data. (The Server header is switched off in the server config.)
func (s *sMiddleware) SecurityHeaders(r *ghttp.Request) {
	h := r.Response.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	if p := r.URL.Path; p == "/api" || strings.HasPrefix(p, "/api/") {
		h.Set("Cache-Control", "no-store")
	}
	r.Middleware.Next()
}
