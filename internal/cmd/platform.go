package cmd

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/i18n/gi18n"
	"github.com/gogf/gf/v2/net/ghttp"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"kami/internal/errs"
	"kami/internal/logic/middleware"
)

// bindPlatform adds the probes and metrics at the server root (admin-api.md "platform").
// /api.json comes from gf's OpenAPI generator, configured in config.yaml; /swagger is ours.
func bindPlatform(s *ghttp.Server) {
	bindSwagger(s)
	s.BindHandler("GET:/healthz", func(r *ghttp.Request) {
		r.Response.WriteJson(g.Map{"status": "ok"})
	})
	s.BindHandler("GET:/readyz", func(r *ghttp.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		checks := g.Map{"database": "ok", "redis": "ok"}
		status := http.StatusOK
		if err := g.DB().PingMaster(); err != nil {
			checks["database"], status = "down", http.StatusServiceUnavailable
		}
		if _, err := g.Redis().Do(ctx, "PING"); err != nil {
			checks["redis"], status = "down", http.StatusServiceUnavailable
		}
		r.Response.WriteHeader(status)
		r.Response.WriteJson(checks)
	})
	// Unknown paths answer in the envelope too, so clients never have to parse an HTML page.
	// The relay's /v1 answers its own OpenAI-shaped 404s (model_not_found, unknown_url: its
	// catch-all route takes every /v1 path), which this handler must leave alone, like the
	// merchant API's answers.
	s.BindStatusHandler(http.StatusNotFound, func(r *ghttp.Request) {
		if strings.HasPrefix(r.URL.Path, "/v1/") {
			return
		}
		// The merchant API's own 404 (ORDER_NOT_FOUND) is already in its envelope.
		if strings.HasPrefix(r.URL.Path, "/merchant/") && r.GetServeHandler() != nil {
			return
		}
		r.Response.ClearBuffer()
		// Outside /api the language middleware has not run: pick the language here.
		ctx := gi18n.WithLanguage(r.Context(), middleware.Language(r.Header.Get("Accept-Language")))
		r.Response.WriteJson(middleware.Fail(ctx, errs.NotFound))
	})
	metrics := promhttp.Handler()
	s.BindHandler("GET:/metrics", func(r *ghttp.Request) {
		metrics.ServeHTTP(r.Response.Writer, r.Request)
	})
}
