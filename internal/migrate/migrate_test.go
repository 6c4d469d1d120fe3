package migrate_test

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/gogf/gf/v2/database/gdb"

	_ "github.com/gogf/gf/contrib/drivers/mysql/v2"
	_ "github.com/gogf/gf/contrib/drivers/sqlite/v2"

	"kami/internal/migrate"
	"kami/internal/testkit"
)

func TestStatements(t *testing.T) {
	src := "-- comment\nCREATE TABLE a (\n  id INT\n);\n\nINSERT INTO a VALUES (1);\nSELECT 1"
	got := migrate.Statements(src)
	want := []string{"CREATE TABLE a (\n  id INT\n)", "INSERT INTO a VALUES (1)", "SELECT 1"}
	if len(got) != len(want) {
		t.Fatalf("got %q", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("statement %d: %q want %q", i, got[i], want[i])
		}
	}
}

// backend opens n independent connections (as n nodes would) to one fresh database.
type backend struct {
	dialect string
	open    func(t *testing.T) gdb.DB
}

func backends(t *testing.T) []backend {
	dir := t.TempDir()
	list := []backend{{"sqlite", func(t *testing.T) gdb.DB {
		db, err := gdb.New(gdb.ConfigNode{Type: "sqlite", Name: filepath.Join(dir, "m.db"), Extra: "busy_timeout=10000&journal_mode=WAL"})
		if err != nil {
			t.Fatal(err)
		}
		return db
	}}}
	if link := os.Getenv("KAMI_TEST_MYSQL"); link != "" && os.Getenv("KAMI_TEST_BACKEND") == "real" {
		fresh, drop, err := testkit.FreshDatabase(context.Background(), link)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(drop)
		list = append(list, backend{"mysql", func(t *testing.T) gdb.DB {
			db, err := gdb.New(gdb.ConfigNode{Link: fresh})
			if err != nil {
				t.Fatal(err)
			}
			return db
		}})
	}
	return list
}

func TestConcurrentUpAppliesOnce(t *testing.T) {
	all, err := migrate.Load("sqlite")
	if err != nil || len(all) == 0 {
		t.Fatalf("load: %v", err)
	}
	for _, b := range backends(t) {
		t.Run(b.dialect, func(t *testing.T) {
			ctx := context.Background()
			const nodes = 4
			var (
				wg      sync.WaitGroup
				mu      sync.Mutex
				applied int
				errs    []error
			)
			for i := 0; i < nodes; i++ {
				db := b.open(t)
				wg.Add(1)
				go func() {
					defer wg.Done()
					names, err := migrate.Up(ctx, db, b.dialect)
					mu.Lock()
					defer mu.Unlock()
					applied += len(names)
					if err != nil {
						errs = append(errs, err)
					}
				}()
			}
			wg.Wait()
			if len(errs) > 0 {
				t.Fatalf("errors: %v", errs)
			}
			if applied != len(all) {
				t.Fatalf("%d migrations applied across %d nodes, want %d", applied, nodes, len(all))
			}
			db := b.open(t)
			n, err := db.Model("schema_migrations").Count()
			if err != nil || n != len(all) {
				t.Fatalf("schema_migrations has %d rows (%v)", n, err)
			}
			// Again: nothing to do.
			if names, err := migrate.Up(ctx, db, b.dialect); err != nil || len(names) != 0 {
				t.Fatalf("second run applied %v (%v)", names, err)
			}
			// An edited applied migration stops the start instead of silently diverging.
			if _, err = db.Exec(ctx, "UPDATE schema_migrations SET checksum = 'x' WHERE version = ?", all[0].Version); err != nil {
				t.Fatal(err)
			}
			if _, err = migrate.Up(ctx, db, b.dialect); err == nil {
				t.Fatal("checksum mismatch was not reported")
			}
		})
	}
}

func TestDialectsDeclareTheSameTables(t *testing.T) {
	my, _ := migrate.Load("mysql")
	lite, _ := migrate.Load("sqlite")
	if len(my) != len(lite) {
		t.Fatalf("mysql has %d migrations, sqlite %d", len(my), len(lite))
	}
	for i := range my {
		if my[i].Name != lite[i].Name {
			t.Fatalf("migration %d: %s vs %s", i, my[i].Name, lite[i].Name)
		}
	}
}
