// Package cmd is the kami command line: `kami` / `kami http` serves, `kami migrate` migrates.
package cmd

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/gogf/gf/v2/os/gcmd"
)

var (
	Main = gcmd.Command{
		Name:  "kami",
		Usage: "kami [http|migrate]",
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
)

func init() {
	if err := Main.AddCommand(&HTTP, &Migrate); err != nil {
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
	if err = s.Start(); err != nil {
		return err
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGINT, syscall.SIGTERM)
	<-sig
	err = s.Shutdown()
	Shutdown(ctx)
	return err
}
