package casbinadapter

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/casbin/casbin/v2"
	"github.com/casbin/casbin/v2/model"
	_ "github.com/gogf/gf/contrib/drivers/mysql/v2"
	_ "github.com/gogf/gf/contrib/drivers/sqlite/v2"
	"github.com/gogf/gf/v2/database/gdb"
)

// rbacModel is the project's model shape: RBAC with keyMatch2 paths and a
// "*" action wildcard.
const rbacModel = `
[request_definition]
r = sub, obj, act

[policy_definition]
p = sub, obj, act

[role_definition]
g = _, _

[policy_effect]
e = some(where (p.eft == allow))

[matchers]
m = g(r.sub, p.sub) && keyMatch2(r.obj, p.obj) && (r.act == p.act || p.act == "*")
`

// valueColumnsDDL is shared by both dialects; only the id column differs.
const valueColumnsDDL = `ptype VARCHAR(16) NOT NULL DEFAULT '',
	v0 VARCHAR(255) NOT NULL DEFAULT '', v1 VARCHAR(255) NOT NULL DEFAULT '',
	v2 VARCHAR(255) NOT NULL DEFAULT '', v3 VARCHAR(255) NOT NULL DEFAULT '',
	v4 VARCHAR(255) NOT NULL DEFAULT '', v5 VARCHAR(255) NOT NULL DEFAULT ''`

// eachBackend runs fn against a fresh SQLite file and, when KAMI_TEST_MYSQL
// holds a GoFrame link, against a freshly created MySQL table too, so the
// same assertions cover both dialects.
func eachBackend(t *testing.T, fn func(t *testing.T, db gdb.DB, table string)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "casbin.db")
		db := openDB(t, "sqlite::@file("+path+")")
		table := DefaultTable
		mustExec(t, db, fmt.Sprintf("CREATE TABLE %s (id INTEGER PRIMARY KEY AUTOINCREMENT, %s)", table, valueColumnsDDL))
		fn(t, db, table)
	})
	link := os.Getenv("KAMI_TEST_MYSQL")
	if link == "" {
		return
	}
	t.Run("mysql", func(t *testing.T) {
		db := openDB(t, link)
		// Random suffix so parallel/aborted runs never collide on a shared server.
		table := "casbin_rule_test_" + randomHex(t)
		// InnoDB explicitly: the rollback test is meaningless on MyISAM.
		mustExec(t, db, fmt.Sprintf("CREATE TABLE %s (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, %s) ENGINE=InnoDB", table, valueColumnsDDL))
		t.Cleanup(func() { mustExec(t, db, "DROP TABLE IF EXISTS "+table) })
		fn(t, db, table)
	})
}

func openDB(t *testing.T, link string) gdb.DB {
	t.Helper()
	db, err := gdb.New(gdb.ConfigNode{Link: link})
	if err != nil {
		t.Fatalf("open %q: %v", link, err)
	}
	t.Cleanup(func() { _ = db.Close(context.Background()) })
	return db
}

func mustExec(t *testing.T, db gdb.DB, sql string) {
	t.Helper()
	if _, err := db.Exec(context.Background(), sql); err != nil {
		t.Fatalf("exec %q: %v", sql, err)
	}
}

func randomHex(t *testing.T) string {
	t.Helper()
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}

func newModel(t *testing.T) model.Model {
	t.Helper()
	m, err := model.NewModelFromString(rbacModel)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func newEnforcer(t *testing.T, a *Adapter) *casbin.Enforcer {
	t.Helper()
	e, err := casbin.NewEnforcer(newModel(t), a)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// insertRaw writes a row the way migrations/seeds or other tools would,
// bypassing the adapter, to test what LoadPolicy makes of stored data.
func insertRaw(t *testing.T, db gdb.DB, table, ptype string, values ...string) {
	t.Helper()
	row, err := rowData(ptype, values)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Model(table).Data(row).Insert(); err != nil {
		t.Fatal(err)
	}
}

// dumpRows renders the table as sorted "ptype,v0,...,v5" strings, the
// ground truth independent of any Casbin model.
func dumpRows(t *testing.T, ctx context.Context, db gdb.DB, table string) []string {
	t.Helper()
	res, err := db.Model(table).Ctx(ctx).OrderAsc("id").All()
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, 0, len(res))
	for _, rec := range res {
		f := []string{rec["ptype"].String()}
		for _, c := range valueColumns {
			f = append(f, rec[c].String())
		}
		out = append(out, strings.Join(f, ","))
	}
	sort.Strings(out)
	return out
}

func sortedRules(rules [][]string) []string {
	out := make([]string, 0, len(rules))
	for _, r := range rules {
		out = append(out, strings.Join(r, ","))
	}
	sort.Strings(out)
	return out
}

func assertRules(t *testing.T, what string, got [][]string, want ...string) {
	t.Helper()
	sort.Strings(want)
	if g := sortedRules(got); !slices.Equal(g, want) {
		t.Fatalf("%s:\n got  %q\n want %q", what, g, want)
	}
}

func assertEnforce(t *testing.T, e *casbin.Enforcer, want bool, sub, obj, act string) {
	t.Helper()
	got, err := e.Enforce(sub, obj, act)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Fatalf("Enforce(%s, %s, %s) = %v, want %v", sub, obj, act, got, want)
	}
}
