package migrate

import (
	"context"
	"database/sql"
	"io/fs"
	"path"
	"strings"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/errors/gerror"

	"kami/resource"
)

// RollbackOf reads the NNNN_<name>.down.sql beside an up file.
func RollbackOf(dialect string, m Migration) (string, error) {
	name := strings.TrimSuffix(m.Name, ".sql") + ".down.sql"
	b, err := fs.ReadFile(resource.Migrations, path.Join("migrations", dialect, name))
	if err != nil {
		return "", gerror.Wrapf(err, "migration %s has no rollback %s", m.Name, name)
	}
	return string(b), nil
}

// Down rolls back the last n applied migrations, newest first, and returns the names it rolled
// back. Every rollback file is read before the first one runs, so a missing one stops the run
// before anything changed. It holds the same lock as Up: a node starting meanwhile must not
// re-apply what is being rolled back.
func Down(ctx context.Context, db gdb.DB, dialect string, n int) ([]string, error) {
	if n < 1 {
		return nil, gerror.Newf("migrate down: the count must be at least 1, got %d", n)
	}
	migrations, err := Load(dialect)
	if err != nil {
		return nil, err
	}
	byVersion := make(map[string]Migration, len(migrations))
	for _, m := range migrations {
		byVersion[m.Version] = m
	}
	conn, release, err := lock(ctx, db, dialect)
	if err != nil {
		return nil, err
	}
	defer release()
	rows, err := conn.QueryContext(ctx, "SELECT version FROM schema_migrations ORDER BY version DESC")
	if err != nil {
		return nil, err
	}
	var versions []string
	for rows.Next() && len(versions) < n {
		var v string
		if err = rows.Scan(&v); err != nil {
			rows.Close()
			return nil, err
		}
		versions = append(versions, v)
	}
	rows.Close()
	type step struct {
		m   Migration
		sql string
	}
	var steps []step
	for _, v := range versions {
		m, ok := byVersion[v]
		if !ok {
			return nil, gerror.Newf("migration %s is applied but unknown to this binary: roll back with the binary that applied it", v)
		}
		src, err := RollbackOf(dialect, m)
		if err != nil {
			return nil, err
		}
		steps = append(steps, step{m, src})
	}
	var done []string
	for _, s := range steps {
		if err = revert(ctx, conn, dialect, s.m, s.sql); err != nil {
			return done, gerror.Wrapf(err, "rollback of %s", s.m.Name)
		}
		done = append(done, s.m.Name)
	}
	return done, nil
}

// revert runs one rollback and forgets the migration; on SQLite in one transaction. MySQL
// commits DDL implicitly, so there a failed rollback leaves its earlier statements done (the
// files use IF EXISTS where they can, so a rerun after the fix continues).
func revert(ctx context.Context, conn *sql.Conn, dialect string, m Migration, src string) (err error) {
	if dialect == "sqlite" {
		if _, err = conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
			return err
		}
		defer func() {
			if err != nil {
				_, _ = conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
				return
			}
			_, err = conn.ExecContext(ctx, "COMMIT")
		}()
	}
	for _, stmt := range Statements(src) {
		if _, err = conn.ExecContext(ctx, stmt); err != nil {
			return gerror.Wrapf(err, "statement %.80q", stmt)
		}
	}
	_, err = conn.ExecContext(ctx, "DELETE FROM schema_migrations WHERE version = ?", m.Version)
	return err
}

// SchemaVersion is the newest applied migration's version ("" before the first).
func SchemaVersion(ctx context.Context, db gdb.DB) (string, error) {
	v, err := db.GetValue(ctx, "SELECT MAX(version) FROM schema_migrations")
	if err != nil {
		return "", err
	}
	return v.String(), nil
}
