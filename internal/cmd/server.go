package cmd

import (
	"context"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/net/ghttp"

	"kami/internal/config"
	"kami/internal/controller/auth"
	"kami/internal/controller/menu"
	"kami/internal/controller/notification"
	"kami/internal/controller/system"
	"kami/internal/controller/user"
	"kami/internal/service"
)

// NewServer builds one HTTP server: the admin API under /api and the platform endpoints at the
// root. name lets tests start several servers in one process.
func NewServer(ctx context.Context, name string) (*ghttp.Server, error) {
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
	mw := service.Middleware()
	s.Use(mw.Metrics)
	s.Group("/api", func(group *ghttp.RouterGroup) {
		group.Middleware(mw.I18n, mw.OperationLog, mw.Response, mw.Auth, mw.Strict, mw.Idempotency)
		group.Bind(
			auth.NewV1(),
			user.NewV1(),
			menu.NewV1(),
			system.NewV1(),
			notification.NewV1(),
		)
	})
	bindPlatform(s)
	return s, nil
}
