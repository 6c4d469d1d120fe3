package cmd

import (
	"context"
	"fmt"

	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/adapter/smtpmail"
	"kami/internal/clock"
	"kami/internal/config"
	"kami/internal/infra/db"
	"kami/internal/infra/i18n"
	"kami/internal/infra/keyring"
	"kami/internal/infra/peer"
	"kami/internal/infra/redisx"
	_ "kami/internal/logic" // registers every service implementation
	"kami/internal/logic/middleware"
	"kami/internal/migrate"
	"kami/internal/service"
	"kami/internal/timefmt"
)

// Boot brings a node up to the point where it can serve: configuration, time zone, messages,
// database and Redis (real or embedded), migrations, first-boot data, the RBAC watcher, the
// outbox worker and the job scheduler.
// `kami http` and the test harness both call it, so tests run exactly the production path.
func Boot(ctx context.Context, opts ...Option) error {
	o := bootOptions{clock: clock.System}
	for _, opt := range opts {
		opt(&o)
	}
	if err := Prepare(ctx); err != nil {
		return err
	}
	c := config.Get()
	wire(config.Get, o.clock)
	if err := keyring.Load(c); err != nil {
		return err
	}
	// The mail server is a group of settings whose defaults are kami.mail: declared now that
	// the config is loaded, before the settings service fixes its registry.
	if err := service.Mail().Define(c.Mail); err != nil {
		return err
	}
	// The system log's writer: what was logged since Prepare is stored from now on.
	service.Logs().StartCapture(ctx)
	// Settings come first: what starts after them may read its policies there.
	if err := service.Settings().Start(ctx); err != nil {
		return err
	}
	service.Mail().Start(ctx, service.Settings())
	if _, err := redisx.Open(ctx, c.Redis); err != nil {
		return err
	}
	if err := service.Rbac().Sync(ctx); err != nil {
		return err
	}
	if err := service.User().EnsureAdmin(ctx); err != nil {
		return err
	}
	if err := service.Quota().Start(ctx); err != nil {
		return err
	}
	if err := service.Rbac().Start(ctx); err != nil {
		return err
	}
	if err := service.Openapi().Start(ctx); err != nil {
		return err
	}
	if err := service.Outbox().Start(ctx); err != nil {
		return err
	}
	// The OpenAPI's call counts and refusals, flushed to Redis and the database every second.
	if err := service.ApiCalls().Start(ctx); err != nil {
		return err
	}
	// The delivery worker reads its limits from settings and spends them in Redis.
	if err := service.Notify().Start(ctx); err != nil {
		return err
	}
	// DERP admission's invalidation subscriber and its pending-key batcher (derp.md §7).
	service.Derp().StartAdmission(ctx)
	// The relay's cross-node invalidation: its subscription and version poll.
	if err := service.Relay().Start(ctx); err != nil {
		return err
	}
	if err := service.Job().Start(ctx); err != nil {
		return err
	}
	// DERP's host-op worker is a loop on every node, not a job (derp.md §10).
	return service.Derp().StartHostWorker(ctx)
}

// wire hands the services what they read instead of reaching for globals: the configuration
// (as a getter, so a test's testkit.SetConfig applies to them), the clock and the mailer (the
// mail service, which follows the mail.* settings once it starts).
func wire(cfg func() *config.Config, c clock.Clock) {
	type configured interface {
		Configure(func() *config.Config)
	}
	type clocked interface{ SetClock(clock.Clock) }
	type mailing interface {
		SetMailer(smtpmail.Mailer) smtpmail.Mailer
	}
	for _, svc := range []any{service.Auth(), service.User(), service.Notify(), service.Outbox(),
		service.Logs(), service.Job(), service.Rbac(), service.Middleware(), service.Quota(),
		service.Project(), service.Authorization(), service.Card(), service.Openapi(), service.ApiCalls(), service.Stats(),
		service.Banner(), service.Payment(), service.Backup(), service.Proxy(), service.Security(), service.Camel(), service.Relay(),
		service.Derp()} {
		if s, ok := svc.(configured); ok {
			s.Configure(cfg)
		}
		if s, ok := svc.(clocked); ok {
			s.SetClock(c)
		}
		if s, ok := svc.(mailing); ok {
			s.SetMailer(service.Mail())
		}
	}
}

// Option adjusts what Boot hands to the services.
type Option func(*bootOptions)

type bootOptions struct{ clock clock.Clock }

// WithClock gives the services c instead of the system clock (tests move time with it).
func WithClock(c clock.Clock) Option { return func(o *bootOptions) { o.clock = c } }

// Prepare loads config and opens and migrates the database; `kami migrate` stops here.
func Prepare(ctx context.Context) error {
	// Every line of the process log is one line, whatever a request put into it (a %0a in a
	// username, a recipient address): set before any goroutine logs, as changing it later races.
	// Warnings and errors also go to the system log (queued here, stored once Boot starts its
	// writer).
	g.Log().SetHandlers(middleware.EscapeLog, service.Logs().Capture)
	// The process time zone is left alone: changing time.Local once goroutines exist (gf starts
	// timers at init) is a data race. Stored times are UTC by construction instead (the db
	// package's driver wrapper and loc=UTC), and the display zone is applied when formatting.
	c, err := config.Load(ctx)
	if err != nil {
		return err
	}
	if err = ApplyConfig(c); err != nil {
		return err
	}
	if err = i18n.Load(); err != nil {
		return err
	}
	conn, err := db.Open(ctx, c)
	if err != nil {
		return err
	}
	if o := prepareOptionsFrom(ctx); o.noMigrate {
		return nil
	}
	applied, err := migrate.Up(ctx, conn, db.Dialect())
	if err != nil {
		return err
	}
	if len(applied) > 0 {
		g.Log().Infof(ctx, "migrations applied: %v", applied)
	}
	return db.WarmTableFields(ctx, conn)
}

// ApplyConfig hands the packages below the services the values of c they consult on every call:
// the display zone, the trusted proxies and the debug flag of the database driver. Boot calls it
// once, right after loading the config; testkit.SetConfig calls it again with a test's copy (and
// with the original at the end), so a field changed there takes effect as it does for services.
func ApplyConfig(c *config.Config) error {
	timefmt.SetZone(c.TimeZone)
	db.SetDebug(c.Debug)
	if err := peer.Trust(c.TrustedProxies); err != nil {
		return fmt.Errorf("trusted proxies: %w", err)
	}
	return nil
}

// Shutdown stops background work after the HTTP server has drained.
// Jobs stop first: they may still need the database and Redis to record how their runs ended.
// The outbox next: its attempts in flight finish and are recorded, so no lease is left to expire.
// The call log then writes what it buffered (the HTTP server has drained: no call comes after).
func Shutdown(ctx context.Context) {
	service.Job().Stop()
	service.Derp().StopHostWorker()
	// Before the outbox: its last flush writes card.verified events into it.
	service.Openapi().Stop()
	service.Outbox().Stop()
	service.ApiCalls().Stop()
	service.Notify().Stop()
	service.Relay().Stop()
	service.Rbac().Stop()
	service.Settings().Stop()
	// Last but the store: what the others logged while stopping is still written.
	service.Logs().StopCapture()
	redisx.CloseEmbedded()
}
