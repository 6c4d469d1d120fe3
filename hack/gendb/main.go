// Command gendb builds a throwaway SQLite database from the migrations so `gf gen dao` can read
// the schema without a running server; the generated code is the same for MySQL because both
// dialects declare the same column types.
package main

import (
	"context"
	"fmt"
	"os"

	_ "github.com/gogf/gf/contrib/drivers/sqlite/v2"
	"github.com/gogf/gf/v2/database/gdb"

	"kami/internal/migrate"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gendb <file.db>")
		os.Exit(2)
	}
	_ = os.Remove(os.Args[1])
	db, err := gdb.New(gdb.ConfigNode{Type: "sqlite", Name: os.Args[1]})
	if err == nil {
		_, err = migrate.Up(context.Background(), db, "sqlite")
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
