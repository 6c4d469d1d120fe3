// Package migrate applies the versioned SQL migrations of resource/migrations/<dialect>.
// It runs at every start and from `kami migrate`; two nodes starting together must not both
// apply a migration, so the whole run holds a database-level lock (GET_LOCK on MySQL,
// BEGIN IMMEDIATE per migration on SQLite) on one dedicated connection.
package migrate

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/errors/gerror"

	"kami/resource"
)

// Migration is one versioned file.
type Migration struct {
	Version  string // the numeric prefix, e.g. "0001"
	Name     string // the file name
	SQL      string
	Checksum string
}

const lockName = "kami_migrate"

// Load lists the migrations of a dialect in version order.
func Load(dialect string) ([]Migration, error) {
	dir := path.Join("migrations", dialect)
	entries, err := fs.ReadDir(resource.Migrations, dir)
	if err != nil {
		return nil, gerror.Wrapf(err, "no migrations for dialect %q", dialect)
	}
	var out []Migration
	for _, e := range entries {
		// A rollback (NNNN_<name>.down.sql, conventions.md) sits beside its up file and is not
		// part of the up migrations or their checksums.
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".sql") || strings.HasSuffix(e.Name(), ".down.sql") {
			continue
		}
		b, err := fs.ReadFile(resource.Migrations, path.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		version, _, ok := strings.Cut(e.Name(), "_")
		if !ok {
			return nil, gerror.Newf("migration %s: name must be <version>_<name>.sql", e.Name())
		}
		sum := sha256.Sum256(b)
		out = append(out, Migration{Version: version, Name: e.Name(), SQL: string(b), Checksum: hex.EncodeToString(sum[:])})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	return out, nil
}

// Up applies every pending migration and returns the names it applied.
func Up(ctx context.Context, db gdb.DB, dialect string) ([]string, error) {
	migrations, err := Load(dialect)
	if err != nil {
		return nil, err
	}
	conn, release, err := lock(ctx, db, dialect)
	if err != nil {
		return nil, err
	}
	defer release()
	if _, err = conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version VARCHAR(64) NOT NULL PRIMARY KEY,
		name VARCHAR(255) NOT NULL,
		checksum VARCHAR(64) NOT NULL,
		applied_at DATETIME NOT NULL)`); err != nil {
		return nil, err
	}
	var applied []string
	for _, m := range migrations {
		done, err := apply(ctx, conn, dialect, m)
		if err != nil {
			return applied, gerror.Wrapf(err, "migration %s", m.Name)
		}
		if done {
			applied = append(applied, m.Name)
		}
	}
	return applied, nil
}

// lock takes one dedicated connection and, on MySQL, the migration lock on it (SQLite
// serialises each migration with BEGIN IMMEDIATE instead); release gives both back.
func lock(ctx context.Context, db gdb.DB, dialect string) (*sql.Conn, func(), error) {
	sqlDB, err := db.Master()
	if err != nil {
		return nil, nil, err
	}
	conn, err := sqlDB.Conn(ctx)
	if err != nil {
		return nil, nil, err
	}
	if dialect != "mysql" {
		return conn, func() { conn.Close() }, nil
	}
	var got sql.NullInt64
	if err = conn.QueryRowContext(ctx, "SELECT GET_LOCK(?, 120)", lockName).Scan(&got); err != nil {
		conn.Close()
		return nil, nil, err
	}
	if got.Int64 != 1 {
		conn.Close()
		return nil, nil, gerror.New("another node is migrating; gave up after 120 s")
	}
	return conn, func() {
		_, _ = conn.ExecContext(context.WithoutCancel(ctx), "SELECT RELEASE_LOCK(?)", lockName)
		conn.Close()
	}, nil
}

// apply runs one migration unless it is recorded already; an edited applied migration is an
// error, because silently diverging schemas between nodes are worse than a failed start.
func apply(ctx context.Context, conn *sql.Conn, dialect string, m Migration) (bool, error) {
	if dialect == "sqlite" {
		if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
			return false, err
		}
	}
	finish := func(err error) error {
		if dialect != "sqlite" {
			return err
		}
		if err != nil {
			_, _ = conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
			return err
		}
		_, err = conn.ExecContext(ctx, "COMMIT")
		return err
	}
	var sum string
	err := conn.QueryRowContext(ctx, "SELECT checksum FROM schema_migrations WHERE version = ?", m.Version).Scan(&sum)
	switch {
	case err == nil:
		if sum != m.Checksum {
			return false, finish(fmt.Errorf("checksum differs from the applied one: migrations are append-only"))
		}
		return false, finish(nil)
	case err != sql.ErrNoRows:
		return false, finish(err)
	}
	for _, stmt := range Statements(m.SQL) {
		if _, err = conn.ExecContext(ctx, stmt); err != nil {
			return false, finish(gerror.Wrapf(err, "statement %.80q", stmt))
		}
	}
	_, err = conn.ExecContext(ctx, "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)",
		m.Version, m.Name, m.Checksum, time.Now().UTC().Format("2006-01-02 15:04:05"))
	return err == nil, finish(err)
}

// Statements splits a migration file on semicolons that end a line, dropping comment lines.
// Migrations are written so that no statement has a line-ending semicolon inside it.
func Statements(src string) []string {
	var (
		out []string
		cur strings.Builder
	)
	for _, line := range strings.Split(src, "\n") {
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "--") {
			continue
		}
		cur.WriteString(line)
		cur.WriteByte('\n')
		if strings.HasSuffix(trimmed, ";") {
			stmt := strings.TrimSpace(cur.String())
			out = append(out, strings.TrimSuffix(stmt, ";"))
			cur.Reset()
		}
	}
	if s := strings.TrimSpace(cur.String()); s != "" {
		out = append(out, s)
	}
	return out
}
