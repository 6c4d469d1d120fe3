package cmd

import (
	"context"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/net/ghttp"

	"kami/internal/config"
	"kami/internal/controller/apicalls"
	"kami/internal/controller/auth"
	"kami/internal/controller/authorization"
	"kami/internal/controller/banner"
	"kami/internal/controller/camel"
	"kami/internal/controller/camelmerchant"
	"kami/internal/controller/card"
	"kami/internal/controller/derp"
	"kami/internal/controller/derpadmit"
	"kami/internal/controller/menu"
	"kami/internal/controller/notification"
	"kami/internal/controller/openapi"
	"kami/internal/controller/payment"
	"kami/internal/controller/project"
	"kami/internal/controller/proxy"
	"kami/internal/controller/quota"
	"kami/internal/controller/relay"
	"kami/internal/controller/security"
	"kami/internal/controller/stats"
	"kami/internal/controller/system"
	"kami/internal/controller/user"
	"kami/internal/logic/middleware"
	"kami/internal/service"
)

// NewServer builds one HTTP server: the admin API under /api and the platform endpoints at the
// root. name lets tests start several servers in one process; extra controllers are bound
// under /api beside the product's, with the same middleware (tests use it for routes that
// exercise per-route options no product route has yet).
func NewServer(ctx context.Context, name string, extra ...any) (*ghttp.Server, error) {
	s := g.Server(name)
	serverCfg, err := g.Cfg().Get(ctx, "server")
	if err != nil {
		return nil, err
	}
	if err = s.SetConfigWithMap(serverCfg.Map()); err != nil {
		return nil, err
	}
	s.SetAddr(config.Get().HTTPAddr)
	s.SetDumpRouterMap(false)
	applyHTTPLimits(s, config.Get().HTTP)
	// Set before the server starts: changing a logger other goroutines use is a data race.
	s.Logger().SetHandlers(middleware.EscapeLog, service.Logs().Capture)
	mw := service.Middleware()
	// Server-level middleware runs for every path, before any handler. CORS answers every
	// OPTIONS itself, so no preflight ever reaches a handler.
	s.Use(mw.ReadDeadline, mw.Metrics, mw.SecurityHeaders, mw.CORS)
	// derper's admission hook (derp.md §7) keeps its /api path, but of the admin API's
	// middleware only Response and Body (a truncated, slow or oversized body gets its 4xx
	// before gf parses it; a raw route's own answer is left alone): the hook is public, raw
	// and unlogged, and called for every client of every DERP node (§15 B1).
	s.Group("/api", func(group *ghttp.RouterGroup) {
		group.Middleware(mw.Response, mw.Body)
		group.Bind(derpadmit.NewV1())
	})
	s.Group("/api", func(group *ghttp.RouterGroup) {
		// security.Watch counts the caller's sensitive operations (exports, password changes, quota
		// movements, role grants) once a handler succeeded: it needs the caller, so after Auth.
		group.Middleware(mw.I18n, mw.OperationLog, mw.Response, mw.Maintenance, mw.Body, mw.Auth, service.Security().Watch, mw.Strict, mw.PathParams, mw.Idempotency)
		group.Bind(
			auth.NewV1(),
			user.NewV1(),
			menu.NewV1(),
			system.NewV1(),
			notification.NewV1(),
			quota.NewV1(),
			project.NewV1(),
			authorization.NewV1(),
			camel.NewV1(),
			card.NewV1(),
			payment.NewV1(),
			apicalls.NewV1(),
			stats.NewV1(),
			banner.NewV1(),
			proxy.NewV1(),
			derp.NewV1(),
			security.NewV1(),
			relay.NewV1(),
		)
		if len(extra) > 0 {
			group.Bind(extra...)
		}
	})
	// The OpenAPI (openapi.md) answers in its own envelope, signed, and authenticates by
	// signature: none of the admin API's middleware runs here.
	s.Group("/openapi/v1", func(group *ghttp.RouterGroup) {
		group.Middleware(service.Openapi().Middleware)
		group.Bind(openapi.NewV1())
	})
	// The camel-oil merchant API (camel-oil.md §4): signed like the OpenAPI, the merchants' own
	// key space and envelope; none of the admin API's middleware runs here either.
	s.Group("/merchant/v1/camel-oil", func(group *ghttp.RouterGroup) {
		group.Middleware(service.Camel().MerchantMiddleware)
		group.Bind(camelmerchant.NewV1())
	})
	// The AI relay (relay.md): OpenAI's wire format, its own error bodies and streaming, and
	// a relay token as the only credential, so none of the admin API's middleware runs here
	// either. Plain handlers, not g.Meta routes: gf's typed handlers cannot stream.
	s.Group("/v1", func(group *ghttp.RouterGroup) {
		r := service.Relay()
		group.Middleware(r.Edge)
		group.POST("/chat/completions", r.ChatCompletions)
		group.POST("/embeddings", r.Embeddings)
		group.GET("/models", r.Models)
		group.GET("/models/{model}", r.Models)
		group.ALL("/*any", r.UnknownURL)
	})
	bindPlatform(s)
	serveOpenAPI(s)
	if err = bindPanel(s); err != nil {
		return nil, err
	}
	return s, nil
}

// applyHTTPLimits sets the connection timeouts from kami.http. gf has no ReadHeaderTimeout:
// its ReadTimeout (net/http's, counted from the first byte) is set to the header timeout, and
// the ReadDeadline middleware then gives each body kami.http.readTimeout of its own.
func applyHTTPLimits(s *ghttp.Server, c config.HTTP) {
	s.SetReadTimeout(c.ReadHeaderTimeout)
	s.SetWriteTimeout(c.WriteTimeout)
	s.SetIdleTimeout(c.IdleTimeout)
	// No Server header: the framework's name and version help only an attacker.
	s.SetServerAgent("")
}
