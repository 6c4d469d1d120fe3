package cmd

import (
	"context"
	"fmt"
	"strconv"

	"github.com/gogf/gf/v2/errors/gerror"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gcmd"

	"kami/internal/infra/db"
	"kami/internal/migrate"
	"kami/internal/version"
)

// The upgrade commands (issue 11 item 4): what this binary is, and rolling the schema back to
// what the previous release expects before that release is started again.
var (
	Version = gcmd.Command{
		Name:  "version",
		Brief: "print the version and commit of this binary",
		Func: func(ctx context.Context, parser *gcmd.Parser) error {
			v := version.Get()
			fmt.Printf("kami %s (commit %s)\n", v.Version, v.Commit)
			return nil
		},
	}
	MigrateDown = gcmd.Command{
		Name:      "down",
		Usage:     "kami migrate down [N]",
		Brief:     "roll back the newest N applied migrations (default 1) with their .down.sql files, and exit",
		Arguments: []gcmd.Argument{{Name: "n", IsArg: true, Brief: "how many migrations to roll back (default 1)"}},
		Func: func(ctx context.Context, parser *gcmd.Parser) error {
			n, err := downCount(parser.GetArgAll())
			if err != nil {
				return err
			}
			if err = Prepare(withoutMigrating(ctx)); err != nil {
				return err
			}
			names, err := migrate.Down(ctx, g.DB(), db.Dialect(), n)
			for _, name := range names {
				fmt.Println("rolled back", name)
			}
			if err != nil {
				return err
			}
			v, err := migrate.SchemaVersion(ctx, g.DB())
			if err != nil {
				return err
			}
			fmt.Printf("schema version is now %q\n", v)
			return nil
		},
	}
)

// downCount reads N from `kami migrate down [N]`: the argument after "down", 1 without one.
func downCount(args []string) (int, error) {
	for i, a := range args {
		if a != "down" {
			continue
		}
		if i+1 >= len(args) {
			return 1, nil
		}
		n, err := strconv.Atoi(args[i+1])
		if err != nil || n < 1 {
			return 0, gerror.Newf("kami migrate down: N must be a positive number, got %q", args[i+1])
		}
		return n, nil
	}
	return 1, nil
}

type prepareKey struct{}

type prepareOptions struct{ noMigrate bool }

// withoutMigrating makes Prepare stop after opening the database: a rollback must not first
// apply the very migrations it is asked to undo.
func withoutMigrating(ctx context.Context) context.Context {
	return context.WithValue(ctx, prepareKey{}, prepareOptions{noMigrate: true})
}

func prepareOptionsFrom(ctx context.Context) prepareOptions {
	o, _ := ctx.Value(prepareKey{}).(prepareOptions)
	return o
}
