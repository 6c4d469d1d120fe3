package db_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/glog"

	"kami/internal/config"
	"kami/internal/dao"
	"kami/internal/testkit"
)

// A failed statement's error used to carry the SQL with its arguments bound in, and the error
// is what gets logged: a bcrypt hash showed up in the server log. Outside kami.debug no
// argument value reaches the error text, whichever way the statement was sent; the statement
// and the driver's reason stay.
func TestFailedStatementsDoNotLogArguments(t *testing.T) {
	ctx := context.Background()
	secret := "$2a$10$" + testkit.UniqueName("SecretHashValue")
	cases := []struct {
		name string
		run  func() error
	}{
		{"raw exec", func() error {
			_, err := g.DB().Exec(ctx, "UPDATE users SET password_hash = ? WHERE no_such_column = 1", secret)
			return err
		}},
		{"model", func() error {
			_, err := dao.Users.Ctx(ctx).Data(g.Map{"password_hash": secret}).Where("no_such_column", secret).Update()
			return err
		}},
		{"in a transaction", func() error {
			return g.DB().Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
				_, err := tx.Exec("INSERT INTO no_such_table (secret) VALUES (?)", secret)
				return err
			})
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.run()
			if err == nil {
				t.Fatal("the statement did not fail")
			}
			var buf bytes.Buffer
			l := glog.New()
			l.SetWriter(&buf)
			l.SetStdoutPrint(false)
			l.Errorf(ctx, "%+v", err)
			if strings.Contains(buf.String(), secret) {
				t.Fatalf("the argument reached the log:\n%s", buf.String())
			}
			if !strings.Contains(err.Error(), "?") {
				t.Fatalf("the error no longer names the statement: %v", err)
			}
		})
	}

	testkit.SetConfig(t, func(c *config.Config) { c.Debug = true })
	if err := cases[0].run(); err == nil || !strings.Contains(fmt.Sprintf("%+v", err), secret) {
		t.Fatalf("with kami.debug the statement should keep its arguments: %v", err)
	}
}
