package testkit

import "github.com/gogf/gf/v2/net/ghttp"

// BareRoute is a GoFrame JSON handler with no middleware of Kami's and no work: the baseline
// benchmarks divide by (the server-level middleware every route passes still runs). Only test
// servers bind it.
const BareRoute = "/test/bare"

func bindBareRoute(s *ghttp.Server) {
	s.BindHandler("POST:"+BareRoute, func(r *ghttp.Request) {
		r.Response.WriteJson(map[string]any{"code": 0, "message": "ok", "error": nil, "data": map[string]any{"valid": true}})
	})
}
