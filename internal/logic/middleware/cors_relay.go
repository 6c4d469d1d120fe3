package middleware

import (
	"net/http"
	"strings"

	"github.com/gogf/gf/v2/net/ghttp"
)

// isRelayPath: /v1 is the AI relay's OpenAI-compatible API (relay.md), whose CORS is its own.
func isRelayPath(path string) bool { return path == "/v1" || strings.HasPrefix(path, "/v1/") }

// relayCORS is /v1's CORS (relay.md §1: any origin, OPTIONS 204). The relay's credential is a
// Bearer token, never a cookie, so any origin may call it and none is given credentials: a page
// can only use a key it already holds. Every OPTIONS is answered here, as for the admin API, so
// none reaches a handler.
func relayCORS(r *ghttp.Request) {
	h := r.Response.Header()
	h.Set("Access-Control-Allow-Origin", "*")
	if r.Method != http.MethodOptions {
		h.Set("Access-Control-Expose-Headers", "X-Request-Id, Retry-After")
		r.Middleware.Next()
		return
	}
	h.Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
	allow := r.Header.Get("Access-Control-Request-Headers")
	if allow == "" {
		allow = "Authorization, Content-Type"
	}
	h.Set("Access-Control-Allow-Headers", allow)
	h.Set("Access-Control-Max-Age", "86400")
	r.Response.WriteHeader(http.StatusNoContent)
}
