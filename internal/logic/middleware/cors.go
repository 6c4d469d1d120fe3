package middleware

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gogf/gf/v2/i18n/gi18n"
	"github.com/gogf/gf/v2/net/ghttp"

	"kami/internal/errs"
	"kami/internal/logic/settings"
	"kami/internal/service"
)

// CORS answers every OPTIONS request itself, for every path, and never lets one reach a
// handler. That matters beyond CORS: gf routes "OPTIONS + Access-Control-Request-Method: PUT"
// to the PUT handler, which would run it under a method the operation log skips and RBAC
// judges as OPTIONS.
//
// A preflight from an allowed origin (kami.cors.allowedOrigins, exact matches) gets 204 with
// the Access-Control-Allow-* headers; from any other origin 403 FORBIDDEN with none; an OPTIONS that is
// not a preflight gets 204. Actual requests from an allowed origin get Allow-Origin and
// Allow-Credentials; every answer varies by Origin, so a cache never hands one origin's answer
// to another.
func (s *sMiddleware) CORS(r *ghttp.Request) {
	if isRelayPath(r.URL.Path) {
		relayCORS(r)
		return
	}
	h := r.Response.Header()
	h.Add("Vary", "Origin")
	origin := r.Header.Get("Origin")
	allowed := originAllowed(origin)
	if r.Method != http.MethodOptions {
		if allowed {
			h.Set("Access-Control-Allow-Origin", origin)
			h.Set("Access-Control-Allow-Credentials", "true")
			h.Set("Access-Control-Expose-Headers", "Retry-After, Trace-Id")
		}
		r.Middleware.Next()
		return
	}
	want := r.Header.Get("Access-Control-Request-Method")
	switch {
	case want == "":
		r.Response.WriteHeader(http.StatusNoContent)
	case !allowed:
		// This runs before the /api chain, so the envelope is written here.
		ctx := gi18n.WithLanguage(r.Context(), Language(r.Header.Get("Accept-Language")))
		r.Response.WriteHeader(http.StatusForbidden)
		r.Response.WriteJson(Fail(ctx, errs.Forbidden))
	default:
		h.Add("Vary", "Access-Control-Request-Method")
		h.Add("Vary", "Access-Control-Request-Headers")
		h.Set("Access-Control-Allow-Origin", origin)
		h.Set("Access-Control-Allow-Credentials", "true")
		h.Set("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, PATCH")
		if hdrs := r.Header.Get("Access-Control-Request-Headers"); hdrs != "" {
			// The origin is trusted; which headers its pages send is its business.
			h.Set("Access-Control-Allow-Headers", hdrs)
		}
		h.Set("Access-Control-Max-Age", strconv.Itoa(int(service.Settings().Duration("cors.maxAge").Seconds())))
		r.Response.WriteHeader(http.StatusNoContent)
	}
}

func init() {
	settings.Define(settings.Def{Key: "cors.allowedOrigins", Group: "system", Type: settings.TypeStrings, Default: []string{},
		Validate: exactOrigins})
	settings.Define(settings.Def{Key: "cors.maxAge", Group: "system", Type: settings.TypeDuration, Default: 10 * time.Minute,
		Min: settings.Bound(0), Max: settings.Bound(int64(24 * time.Hour))})
}

// exactOrigins accepts scheme://host[:port] origins only: no wildcard (the answers allow
// credentials) and no path.
func exactOrigins(v any) error {
	for _, o := range v.([]string) {
		u, err := url.Parse(strings.TrimRight(strings.TrimSpace(o), "/"))
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.Contains(u.Host, "*") || u.Path != "" || u.RawQuery != "" {
			return fmt.Errorf("%q: want an exact origin such as https://admin.example.com", o)
		}
	}
	return nil
}

// originAllowed reports whether origin is one of the configured ones. Origins compare as
// browsers send them (scheme://host[:port]), case-insensitively, a trailing slash ignored.
func originAllowed(origin string) bool {
	if origin == "" || origin == "null" {
		return false
	}
	for _, o := range service.Settings().Strings("cors.allowedOrigins") {
		if strings.EqualFold(strings.TrimRight(strings.TrimSpace(o), "/"), origin) {
			return true
		}
	}
	return false
}
