// Package cmd is the kami command line: `kami` / `kami http` serves, `kami migrate` migrates.
package cmd

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/gogf/gf/v2/net/ghttp"
	"github.com/gogf/gf/v2/os/gcmd"

	"kami/internal/config"
	"kami/internal/infra/redisx"
	"kami/internal/service"
)

var (
	Main = gcmd.Command{
		Name:  "kami",
		Usage: "kami [http|migrate [down [N]]|cron|version|backup|restore <file> [--into LINK]|unlock USER]",
		Brief: "Kami reseller backend",
		Func: func(ctx context.Context, parser *gcmd.Parser) error {
			return serve(ctx)
		},
	}
	HTTP = gcmd.Command{
		Name:  "http",
		Brief: "serve the admin API and the OpenAPI (default)",
		Func: func(ctx context.Context, parser *gcmd.Parser) error {
			return serve(ctx)
		},
	}
	Migrate = gcmd.Command{
		Name:  "migrate",
		Brief: "apply database migrations and exit",
		Func: func(ctx context.Context, parser *gcmd.Parser) error {
			if err := Prepare(ctx); err != nil {
				return err
			}
			fmt.Println("migrations are up to date")
			return nil
		},
	}
	// Unlock lifts a user's anomaly locks from a server: the way out for a super-admin, which has
	// no superior to do it over the API, before its lock expires.
	Unlock = gcmd.Command{
		Name:  "unlock",
		Usage: "kami unlock USER",
		Brief: "lift the anomaly locks of USER (security monitoring)",
		// Declared, or gcmd reads USER as a subcommand of unlock and answers "command not found".
		Arguments: []gcmd.Argument{{Name: "user", IsArg: true, Brief: "the username (any case)"}},
		Func: func(ctx context.Context, parser *gcmd.Parser) error {
			name := parser.GetArg(2).String()
			if name == "" {
				return fmt.Errorf("usage: kami unlock USER")
			}
			if err := Prepare(ctx); err != nil {
				return err
			}
			// The user's captcha requirement lives in Redis, which Prepare does not open.
			if _, err := redisx.Open(ctx, config.Get().Redis); err != nil {
				return err
			}
			n, err := service.Security().UnlockUser(ctx, name)
			if err != nil {
				return err
			}
			fmt.Printf("%s: %d lock(s) lifted\n", name, n)
			return nil
		},
	}
	Cron = gcmd.Command{
		Name:  "cron",
		Brief: "run the job scheduler without serving HTTP (pair with kami.jobs.enabled=false on HTTP nodes)",
		Func: func(ctx context.Context, parser *gcmd.Parser) error {
			// A dedicated scheduler node runs jobs whatever config.yaml says.
			if err := os.Setenv("KAMI_JOBS_ENABLED", "true"); err != nil {
				return err
			}
			if err := Boot(ctx); err != nil {
				fmt.Fprintln(os.Stderr, "kami:", err)
				return err
			}
			waitForSignal()
			Shutdown(ctx)
			return nil
		},
	}
)

func init() {
	if err := Migrate.AddCommand(&MigrateDown); err != nil {
		panic(err)
	}
	if err := Main.AddCommand(&HTTP, &Migrate, &Cron, &Version, &Backup, &Restore, &Unlock); err != nil {
		panic(err)
	}
}

// serve runs until SIGINT/SIGTERM, then lets in-flight requests finish before stopping jobs.
func serve(ctx context.Context) error {
	if err := Boot(ctx); err != nil {
		fmt.Fprintln(os.Stderr, "kami:", err)
		return err
	}
	s, err := NewServer(ctx, "kami")
	if err != nil {
		return err
	}
	// Listen before serving: a SIGTERM once requests can arrive must drain them, not kill.
	sig := stopSignals()
	if err = s.Start(); err != nil {
		return err
	}
	<-sig
	return Stop(ctx, s)
}

// Stop drains s, then stops background work. The listener closes at once, so new connections
// are refused, and in-flight requests get up to server.gracefulTimeout seconds to finish:
// GoFrame's HTTP server takes its shutdown deadline from that key (its default is 2 s; the
// gracefulShutdownTimeout key is not read by it). Jobs stop only after the drain, since a
// request may still be using what they share.
func Stop(ctx context.Context, s *ghttp.Server) error {
	err := s.Shutdown()
	Shutdown(ctx)
	return err
}

func waitForSignal() { <-stopSignals() }

// stopSignals delivers SIGINT and SIGTERM from now on.
func stopSignals() <-chan os.Signal {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGINT, syscall.SIGTERM)
	return sig
}
