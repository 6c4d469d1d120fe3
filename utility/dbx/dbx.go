// Package dbx holds small database helpers shared by the logic packages.
package dbx

import (
	"database/sql"
	"errors"
)

// IsNoRows reports whether a gdb Scan found no row; callers treat that as "absent", not as a
// failure.
func IsNoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }
