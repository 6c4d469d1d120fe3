package infra

import (
	"context"
	"database/sql"
	"errors"

	"github.com/gogf/gf/contrib/drivers/mysql/v2"
	"github.com/gogf/gf/contrib/drivers/sqlite/v2"
	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/errors/gcode"
	"github.com/gogf/gf/v2/errors/gerror"

	"kami/internal/config"
)

// On a failed statement gf returns an error whose text is the SQL with its arguments bound in,
// and that text is what reaches the server log: a bcrypt hash or a token hash appeared there
// whenever an UPDATE of it failed. The drivers are registered again here, wrapped so that
// outside kami.debug the error names the statement with its placeholders only. The driver's
// own error stays the cause (callers match "Duplicate entry" on it). gf's per-statement SQL log
// is off as well: the database node is configured without its debug flag.
func init() {
	// Runs after the drivers' own init (they are imported), so these replace them.
	_ = gdb.Register("mysql", redactingDriver{mysql.New()}) // never fails: it only stores
	_ = gdb.Register("sqlite", redactingDriver{sqlite.New()})
}

type redactingDriver struct{ gdb.Driver }

func (d redactingDriver) New(core *gdb.Core, node *gdb.ConfigNode) (gdb.DB, error) {
	db, err := d.Driver.New(core, node)
	if err != nil {
		return nil, err
	}
	return &redactingDB{DB: db}, nil
}

// redactingDB is the driver's DB with DoCommit, the one function every statement, transaction
// begin and commit goes through, replacing the error text.
type redactingDB struct{ gdb.DB }

func (d *redactingDB) DoCommit(ctx context.Context, in gdb.DoCommitInput) (gdb.DoCommitOutput, error) {
	out, err := d.DB.DoCommit(ctx, in)
	if err == nil || errors.Is(err, sql.ErrNoRows) || config.Get().Debug {
		return out, err
	}
	return out, redactSQLError(err, in.Sql)
}

// redactSQLError rebuilds gf's statement error with the SQL text as written (placeholders, no
// values), keeping the driver's error as its cause.
func redactSQLError(err error, statement string) error {
	cause := gerror.Unwrap(err)
	if cause == nil {
		cause = err
	}
	return gerror.WrapCode(gcode.CodeDbOperationError, cause, statement)
}
