package db

import (
	"github.com/gogf/gf/v2/errors/gcode"
	"github.com/gogf/gf/v2/errors/gerror"
)

// On a failed statement gf returns an error whose text is the SQL with its arguments bound in,
// and that text is what reaches the server log: a bcrypt hash or a token hash appeared there
// whenever an UPDATE of it failed. The drivers are registered again here, wrapped so that
// outside kami.debug the error names the statement with its placeholders only. The driver's
// own error stays the cause (callers tell a unique violation by its error number, dbx.IsUniqueViolation). gf's per-statement SQL log
// is off as well: the database node is configured without its debug flag. The wrapping is done
// by kamiDB (driver.go).

// redactSQLError rebuilds gf's statement error with the SQL text as written (placeholders, no
// values), keeping the driver's error as its cause.
func redactSQLError(err error, statement string) error {
	cause := gerror.Unwrap(err)
	if cause == nil {
		cause = err
	}
	return gerror.WrapCode(gcode.CodeDbOperationError, cause, statement)
}
