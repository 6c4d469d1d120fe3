package middleware

import (
	"strings"
	"unicode"

	"github.com/gogf/gf/v2/i18n/gi18n"
	"github.com/gogf/gf/v2/net/ghttp"
	"github.com/gogf/gf/v2/util/gconv"

	"kami/internal/errs"
)

// PathParams makes path parameters come from the router only. gf fills a request struct from
// the router, the query and the body merged, the router's value weakest, so
// `PUT /api/system/user/4?id=5` changed user 5 while everything that read the path (the
// audit row, scope checks on the route) saw 4. For every in:"path" field of the request
// struct, a query or body value under a name gf would map to that field (gf matches names
// case-insensitively, ignoring '-', '_', '.' and spaces) must equal the router's value; a
// different one is refused with 400 naming it. An equal one is harmless and passes.
func (s *sMiddleware) PathParams(r *ghttp.Request) {
	h := r.GetServeHandler()
	if h == nil || h.Handler == nil {
		r.Middleware.Next()
		return
	}
	router := r.GetRouterMap()
	var merged map[string]any
	for _, f := range h.Handler.Info.ReqStructFields {
		if f.TagIn() != "path" {
			continue
		}
		name := f.TagPriorityName()
		want, ok := router[name]
		if !ok {
			continue
		}
		if merged == nil {
			merged = r.GetRequestMap()
		}
		for k, v := range merged {
			key := looseName(k)
			if key != looseName(name) && key != looseName(f.Name()) {
				continue
			}
			if gconv.String(v) != want {
				Abort(r, errs.InvalidInput.Msg(gi18n.Tf(r.Context(), "input.pathConflict", name, want, name)))
				return
			}
		}
	}
	r.Middleware.Next()
}

// looseName is a parameter name as gf compares it when it maps values onto struct fields.
func looseName(s string) string {
	return strings.Map(func(c rune) rune {
		if c > unicode.MaxASCII || unicode.IsLetter(c) || unicode.IsDigit(c) {
			return unicode.ToLower(c)
		}
		return -1
	}, s)
}
