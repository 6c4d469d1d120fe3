package user

import (
	"context"
	"strings"

	"kami/internal/dao"
	"kami/internal/errs"
	"kami/utility/dbx"
)

// normEmail stores and looks up emails in one form, so "A@x.com" and "a@x.com" are one account
// on every backend (SQLite compares case-sensitively, MySQL's collation does not).
func normEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// nullable maps "" to SQL NULL: the unique indexes on email and invite_code admit many NULLs
// but only one "".
func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// checkUnique answers 409 before an insert or update when the canonical username or the email
// is taken by a user other than exceptID; the unique indexes remain the final word under races
// (see duplicateErr).
func checkUnique(ctx context.Context, username, email string, exceptID int64) error {
	cols := dao.Users.Columns()
	if username != "" {
		n, err := dao.Users.Ctx(ctx).Where(cols.UsernameKey, username).WhereNot(cols.Id, exceptID).Count()
		if err != nil {
			return err
		}
		if n > 0 {
			return errs.Duplicate.New(username)
		}
	}
	if email != "" {
		n, err := dao.Users.Ctx(ctx).Where(cols.Email, email).WhereNot(cols.Id, exceptID).Count()
		if err != nil {
			return err
		}
		if n > 0 {
			return errs.Duplicate.New(email)
		}
	}
	return nil
}

// uniqueViolation names the users column whose unique index err violated ("" when err is not a
// unique violation). The drivers' error numbers tell a violation (dbx.IsUniqueViolation); only
// which index is left to their message: MySQL names the key ('uk_users_email'), SQLite the
// column (users.email); uk_users_username_key and users.username_key count as "username".
func uniqueViolation(err error) string {
	if !dbx.IsUniqueViolation(err) {
		return ""
	}
	msg := err.Error()
	for _, col := range []string{"invite_code", "email", "username"} {
		if strings.Contains(msg, "uk_users_"+col) || strings.Contains(msg, "users."+col) {
			return col
		}
	}
	return "unknown"
}

// duplicateErr turns a unique violation that slipped past checkUnique (two requests racing)
// into the same 409 the check gives; the SQL text stays in the cause, for the log only.
func duplicateErr(err error, username, email string) error {
	switch uniqueViolation(err) {
	case "":
		return err
	case "email":
		return errs.Duplicate.Wrap(err, email)
	default:
		return errs.Duplicate.Wrap(err, username)
	}
}
