package backup

import (
	"compress/gzip"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"io"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// The plaintext is JSON lines: a header, then per table a start line, one JSON array per row
// and an end line with the table's row count and the SHA-256 of its row lines, then a trailer
// repeating every table's count and digest (restore compares the database against it).

// Header opens a backup.
type Header struct {
	Format        int    `json:"format"`
	Dialect       string `json:"dialect"`
	SchemaVersion string `json:"schemaVersion"`
	CreatedAt     string `json:"createdAt"`
}

// TableSum is what a table held in the snapshot.
type TableSum struct {
	Rows   int64  `json:"rows"`
	SHA256 string `json:"sha256"`
}

// Manifest is a backup's header and its tables' sums.
type Manifest struct {
	Header
	Tables map[string]TableSum `json:"tables"`
}

type line struct {
	Table   string              `json:"table,omitempty"`
	Columns []string            `json:"columns,omitempty"`
	End     string              `json:"end,omitempty"`
	Sum     *TableSum           `json:"sum,omitempty"`
	Tables  map[string]TableSum `json:"tables,omitempty"`
}

// skipped tables are not data: the migration record is rebuilt by migrating the target.
func skipped(table string) bool { return table == "schema_migrations" }

// snapshot opens one read transaction that sees a single point in time: on MySQL/TiDB a
// REPEATABLE READ transaction started WITH CONSISTENT SNAPSHOT, on SQLite one read
// transaction (WAL keeps it stable while writers commit).
func snapshot(ctx context.Context, db *sql.DB, dialect string) (*sql.Conn, func(), error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, nil, err
	}
	stmts := []string{"BEGIN"}
	if dialect == "mysql" {
		stmts = []string{"SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ", "START TRANSACTION WITH CONSISTENT SNAPSHOT"}
	}
	for _, s := range stmts {
		if _, err = conn.ExecContext(ctx, s); err != nil {
			conn.Close()
			return nil, nil, err
		}
	}
	return conn, func() {
		_, _ = conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
		conn.Close()
	}, nil
}

type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// tables lists the base tables in name order.
func tables(ctx context.Context, q querier, dialect string) ([]string, error) {
	query := "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
	if dialect == "mysql" {
		query = "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY table_name"
	}
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err = rows.Scan(&n); err != nil {
			return nil, err
		}
		if !skipped(n) {
			out = append(out, n)
		}
	}
	return out, rows.Err()
}

func quote(dialect, name string) string {
	if dialect == "mysql" {
		return "`" + strings.ReplaceAll(name, "`", "``") + "`"
	}
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// canonical turns a scanned value into the JSON value both the dump and the re-read of a
// restored database produce: times as UTC "2006-01-02 15:04:05[.ffffff]", bytes as text.
func canonical(v any) any {
	switch x := v.(type) {
	case time.Time:
		return x.UTC().Format("2006-01-02 15:04:05.999999")
	case []byte:
		if utf8.Valid(x) {
			return string(x)
		}
		return x // base64 in JSON; no such column today
	}
	return v
}

// eachRow streams table's rows in a total order (every column, so the order does not depend
// on the storage), calling fn with the canonical row and its JSON.
func eachRow(ctx context.Context, q querier, dialect, table string, fn func(cols []string, row []byte) error) error {
	rows, err := q.QueryContext(ctx, "SELECT * FROM "+quote(dialect, table))
	if err != nil {
		return err
	}
	cols, err := rows.Columns()
	rows.Close()
	if err != nil {
		return err
	}
	order := make([]string, len(cols))
	for i := range cols {
		order[i] = fmt.Sprint(i + 1)
	}
	rows, err = q.QueryContext(ctx, "SELECT * FROM "+quote(dialect, table)+" ORDER BY "+strings.Join(order, ", "))
	if err != nil {
		return err
	}
	defer rows.Close()
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err = rows.Scan(ptrs...); err != nil {
			return err
		}
		out := make([]any, len(vals))
		for i, v := range vals {
			out[i] = canonical(v)
		}
		b, err := json.Marshal(out)
		if err != nil {
			return err
		}
		if err = fn(cols, b); err != nil {
			return err
		}
	}
	if err = rows.Err(); err != nil {
		return err
	}
	return fn(cols, nil) // a table without rows still reports its columns
}

// sums computes every table's count and digest as the dump does, for verifying a restore.
func sums(ctx context.Context, q querier, dialect string) (map[string]TableSum, error) {
	names, err := tables(ctx, q, dialect)
	if err != nil {
		return nil, err
	}
	out := map[string]TableSum{}
	for _, t := range names {
		var n int64
		h := sha256.New()
		err = eachRow(ctx, q, dialect, t, func(_ []string, row []byte) error {
			if row != nil {
				n++
				h.Write(row)
				h.Write([]byte{'\n'})
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("table %s: %w", t, err)
		}
		out[t] = TableSum{Rows: n, SHA256: hex.EncodeToString(h.Sum(nil))}
	}
	return out, nil
}

// Write dumps every table of db as one consistent snapshot into w, sealed with key, and
// returns the manifest of what it wrote.
func Write(ctx context.Context, db *sql.DB, dialect string, key []byte, header Header, w io.Writer) (*Manifest, error) {
	conn, done, err := snapshot(ctx, db, dialect)
	if err != nil {
		return nil, err
	}
	defer done()
	seal, err := newSealer(w, key)
	if err != nil {
		return nil, err
	}
	zw := gzip.NewWriter(seal)
	enc := json.NewEncoder(zw)
	header.Format = 1
	header.Dialect = dialect
	if err = enc.Encode(header); err != nil {
		return nil, err
	}
	names, err := tables(ctx, conn, dialect)
	if err != nil {
		return nil, err
	}
	m := &Manifest{Header: header, Tables: map[string]TableSum{}}
	for _, t := range names {
		var (
			n       int64
			h       hash.Hash = sha256.New()
			started bool
		)
		err = eachRow(ctx, conn, dialect, t, func(cols []string, row []byte) error {
			if !started {
				started = true
				if err := enc.Encode(line{Table: t, Columns: cols}); err != nil {
					return err
				}
			}
			if row == nil {
				return nil
			}
			n++
			h.Write(row)
			h.Write([]byte{'\n'})
			if _, err := zw.Write(row); err != nil {
				return err
			}
			_, err := zw.Write([]byte{'\n'})
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("table %s: %w", t, err)
		}
		sum := TableSum{Rows: n, SHA256: hex.EncodeToString(h.Sum(nil))}
		m.Tables[t] = sum
		if err = enc.Encode(line{End: t, Sum: &sum}); err != nil {
			return nil, err
		}
	}
	if err = enc.Encode(line{Tables: m.Tables}); err != nil {
		return nil, err
	}
	if err = zw.Close(); err != nil {
		return nil, err
	}
	return m, seal.Close()
}

// sortedKeys is the tables of a manifest in name order.
func sortedKeys(m map[string]TableSum) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
