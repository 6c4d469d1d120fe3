// Package dbx holds small database helpers shared by the logic packages.
package dbx

import (
	"context"
	"database/sql"
	"errors"

	"github.com/gogf/gf/v2/database/gdb"

	"github.com/glebarez/go-sqlite"
	"github.com/go-sql-driver/mysql"
)

// IsNoRows reports whether a gdb Scan found no row; callers treat that as "absent", not as a
// failure.
func IsNoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }

// IsUniqueViolation reports whether err is a unique-index violation, by the drivers' error
// numbers rather than their message text: MySQL/MariaDB/TiDB 1062 (ER_DUP_ENTRY), SQLite's
// extended codes 2067 (SQLITE_CONSTRAINT_UNIQUE) and 1555 (SQLITE_CONSTRAINT_PRIMARYKEY).
func IsUniqueViolation(err error) bool {
	var my *mysql.MySQLError
	if errors.As(err, &my) {
		return my.Number == 1062
	}
	var lite *sqlite.Error
	if errors.As(err, &lite) {
		return lite.Code() == sqliteConstraintUnique || lite.Code() == sqliteConstraintPrimaryKey
	}
	return false
}

const (
	sqliteConstraintUnique     = 2067
	sqliteConstraintPrimaryKey = 1555
)

// DeleteInBatches deletes the rows query selects, batch ids at a time (DELETE ... LIMIT is not
// portable to SQLite), so a large backlog never holds a long lock on the table. It stops when
// ctx ends, reporting what it deleted so far.
func DeleteInBatches(ctx context.Context, query func() *gdb.Model, idCol string, batch int) (int, error) {
	total := 0
	for ctx.Err() == nil {
		ids, err := query().Fields(idCol).Limit(batch).Array()
		if err != nil && !IsNoRows(err) {
			return total, err
		}
		if len(ids) == 0 {
			return total, nil
		}
		res, err := query().WhereIn(idCol, ids).Delete()
		if err != nil {
			return total, err
		}
		n, _ := res.RowsAffected()
		total += int(n)
		if len(ids) < batch {
			return total, nil
		}
	}
	return total, ctx.Err()
}
