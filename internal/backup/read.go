package backup

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/gogf/gf/v2/database/gdb"

	"kami/internal/migrate"
)

// Read authenticates and parses a backup, handing each table's rows to fn (nil: only verify),
// and checks every table's count and digest against its end line and the trailer.
func Read(r io.Reader, key []byte, fn func(table string, cols []string, row []any) error) (*Manifest, error) {
	o, err := newOpener(r, key)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(o)
	if err != nil {
		return nil, wrapTamper(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	if !sc.Scan() {
		return nil, wrapTamper(sc.Err())
	}
	m := &Manifest{Tables: map[string]TableSum{}}
	if err = json.Unmarshal(sc.Bytes(), &m.Header); err != nil || m.Format != 1 {
		return nil, fmt.Errorf("backup: unknown format")
	}
	var (
		table string
		cols  []string
		n     int64
		h     = sha256.New()
	)
	for sc.Scan() {
		b := sc.Bytes()
		if table != "" && len(b) > 0 && b[0] == '[' {
			n++
			h.Write(b)
			h.Write([]byte{'\n'})
			if fn != nil {
				var row []any
				dec := json.NewDecoder(bytes.NewReader(b))
				dec.UseNumber()
				if err = dec.Decode(&row); err != nil || len(row) != len(cols) {
					return nil, fmt.Errorf("backup: table %s: a malformed row", table)
				}
				if err = fn(table, cols, row); err != nil {
					return nil, fmt.Errorf("table %s: %w", table, err)
				}
			}
			continue
		}
		var l line
		if err = json.Unmarshal(b, &l); err != nil {
			return nil, fmt.Errorf("backup: a malformed line")
		}
		switch {
		case l.Table != "":
			table, cols, n = l.Table, l.Columns, 0
			h.Reset()
		case l.End != "":
			got := TableSum{Rows: n, SHA256: hex.EncodeToString(h.Sum(nil))}
			if l.End != table || l.Sum == nil || *l.Sum != got {
				return nil, fmt.Errorf("backup: table %s does not match its checksum", l.End)
			}
			m.Tables[table] = got
			table = ""
		case l.Tables != nil:
			if len(l.Tables) != len(m.Tables) {
				return nil, fmt.Errorf("backup: the trailer lists %d tables, the file holds %d", len(l.Tables), len(m.Tables))
			}
			for k, v := range l.Tables {
				if m.Tables[k] != v {
					return nil, fmt.Errorf("backup: table %s does not match the trailer", k)
				}
			}
			if _, err = io.Copy(io.Discard, zr); err != nil {
				return nil, wrapTamper(err)
			}
			return m, nil
		}
	}
	if err = sc.Err(); err != nil {
		return nil, wrapTamper(err)
	}
	return nil, fmt.Errorf("backup: the file ends before its trailer")
}

func wrapTamper(err error) error {
	if err == nil || errors.Is(err, ErrTampered) {
		return ErrTampered
	}
	return fmt.Errorf("backup: %w", err)
}

// ErrNotEmpty refuses a restore over data.
var ErrNotEmpty = errors.New("restore: the target database is not empty; restore only into an empty database")

// Restore migrates the empty database db to the backup's schema, loads every row, and checks
// every table's count and digest against the backup. A target with any row is refused before
// anything is written; a backup of another schema version than this binary's is refused too.
func Restore(ctx context.Context, db gdb.DB, dialect string, key []byte, open func() (io.ReadCloser, error)) (*Manifest, error) {
	sqlDB, err := db.Master()
	if err != nil {
		return nil, err
	}
	existing, err := tables(ctx, sqlDB, dialect)
	if err != nil {
		return nil, err
	}
	for _, t := range existing {
		var n int64
		if err = sqlDB.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+quote(dialect, t)).Scan(&n); err != nil {
			return nil, err
		}
		if n > 0 {
			return nil, fmt.Errorf("%w (%s has %d rows)", ErrNotEmpty, t, n)
		}
	}
	// Verify before writing anything: a tampered file must not leave half a database.
	f, err := open()
	if err != nil {
		return nil, err
	}
	m, err := Read(f, key, nil)
	f.Close()
	if err != nil {
		return nil, err
	}
	if m.Dialect != dialect {
		return nil, fmt.Errorf("restore: the backup is of a %s database, the target is %s", m.Dialect, dialect)
	}
	if _, err = migrate.Up(ctx, db, dialect); err != nil {
		return nil, err
	}
	if v, err := migrate.SchemaVersion(ctx, db); err != nil || v != m.SchemaVersion {
		return nil, fmt.Errorf("restore: the backup has schema %s, this binary migrates to %s: restore with the release that made it", m.SchemaVersion, v)
	}
	// Migrations seed rows (the relay's default group); the backup holds those rows as they were
	// when it was made, so the seeds give way to it.
	for _, t := range sortedKeys(m.Tables) {
		if _, err = sqlDB.ExecContext(ctx, "DELETE FROM "+quote(dialect, t)); err != nil {
			return nil, err
		}
	}
	if err = load(ctx, sqlDB, dialect, key, open); err != nil {
		return nil, err
	}
	got, err := sums(ctx, sqlDB, dialect)
	if err != nil {
		return nil, err
	}
	for _, t := range sortedKeys(m.Tables) {
		if got[t] != m.Tables[t] {
			return nil, fmt.Errorf("restore: table %s holds %d rows (%s) after the restore, the backup %d (%s)",
				t, got[t].Rows, got[t].SHA256, m.Tables[t].Rows, m.Tables[t].SHA256)
		}
	}
	return m, nil
}

// load inserts the rows table by table, in one transaction per table.
func load(ctx context.Context, db *sql.DB, dialect string, key []byte, open func() (io.ReadCloser, error)) error {
	f, err := open()
	if err != nil {
		return err
	}
	defer f.Close()
	var (
		tx    *sql.Tx
		cur   string
		stmt  *sql.Stmt
		ended = func() error {
			if tx == nil {
				return nil
			}
			stmt.Close()
			err := tx.Commit()
			tx = nil
			return err
		}
	)
	_, err = Read(f, key, func(table string, cols []string, row []any) error {
		if table != cur {
			if err := ended(); err != nil {
				return err
			}
			cur = table
			var err error
			if tx, err = db.BeginTx(ctx, nil); err != nil {
				return err
			}
			quoted := make([]string, len(cols))
			for i, c := range cols {
				quoted[i] = quote(dialect, c)
			}
			q := "INSERT INTO " + quote(dialect, table) + " (" + strings.Join(quoted, ", ") + ") VALUES (?" + strings.Repeat(", ?", len(cols)-1) + ")"
			if stmt, err = tx.PrepareContext(ctx, q); err != nil {
				return err
			}
		}
		args := make([]any, len(row))
		for i, v := range row {
			if num, ok := v.(json.Number); ok {
				if n, err := num.Int64(); err == nil {
					args[i] = n
				} else {
					args[i] = num.String()
				}
				continue
			}
			args[i] = v
		}
		_, err := stmt.ExecContext(ctx, args...)
		return err
	})
	if err != nil {
		if tx != nil {
			_ = tx.Rollback()
		}
		return err
	}
	return ended()
}
