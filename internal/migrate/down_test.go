package migrate_test

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/gogf/gf/v2/database/gdb"

	"kami/internal/migrate"
)

// schema dumps every table and index definition of the database, schema_migrations aside, in
// name order: the text the database itself reports, so a column re-added in another place or
// an index left behind shows as a difference.
func schema(t *testing.T, db gdb.DB, dialect string) string {
	t.Helper()
	ctx := context.Background()
	var b strings.Builder
	if dialect == "sqlite" {
		rows, err := db.GetAll(ctx, "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name")
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			b.WriteString(r["type"].String() + " " + r["name"].String() + ": " + r["sql"].String() + "\n")
		}
		return b.String()
	}
	names, err := db.GetArray(ctx, "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name <> 'schema_migrations' ORDER BY table_name")
	if err != nil {
		t.Fatal(err)
	}
	counter := regexp.MustCompile(` AUTO_INCREMENT=\d+`)
	for _, n := range names {
		r, err := db.GetOne(ctx, "SHOW CREATE TABLE `"+n.String()+"`")
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString(counter.ReplaceAllString(r["Create Table"].String(), "") + "\n")
	}
	return b.String()
}

// Up → down k → up leaves the schema the first up made, for every k down to an empty database,
// on both dialects: every rollback undoes exactly its migration.
func TestUpDownUpKeepsTheSchema(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.dialect, func(t *testing.T) {
			ctx := context.Background()
			db := b.open(t)
			all, err := migrate.Load(b.dialect)
			if err != nil {
				t.Fatal(err)
			}
			if _, err = migrate.Up(ctx, db, b.dialect); err != nil {
				t.Fatal(err)
			}
			want := schema(t, db, b.dialect)
			for k := 1; k <= len(all); k++ {
				names, err := migrate.Down(ctx, db, b.dialect, k)
				if err != nil {
					t.Fatalf("down %d: %v", k, err)
				}
				if len(names) != k || names[0] != all[len(all)-1].Name {
					t.Fatalf("down %d rolled back %v", k, names)
				}
				if v, _ := migrate.SchemaVersion(ctx, db); k < len(all) && v != all[len(all)-1-k].Version {
					t.Fatalf("after down %d the schema version is %q", k, v)
				}
				if k == len(all) {
					if left := schema(t, db, b.dialect); left != "" {
						t.Fatalf("rolling everything back left:\n%s", left)
					}
				}
				if _, err = migrate.Up(ctx, db, b.dialect); err != nil {
					t.Fatalf("up after down %d: %v", k, err)
				}
				if got := schema(t, db, b.dialect); got != want {
					t.Fatalf("up → down %d → up changed the schema:\n%s\nwant\n%s", k, got, want)
				}
			}
			// Nothing applied: nothing to roll back, and a count below 1 is refused.
			if _, err = migrate.Down(ctx, db, b.dialect, 0); err == nil {
				t.Fatal("down 0 was accepted")
			}
		})
	}
}

func TestEveryMigrationHasARollback(t *testing.T) {
	for _, dialect := range []string{"mysql", "sqlite"} {
		all, err := migrate.Load(dialect)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range all {
			if _, err := migrate.RollbackOf(dialect, m); err != nil {
				t.Errorf("%s: %v", dialect, err)
			}
		}
	}
}
