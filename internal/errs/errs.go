// Package errs defines Kami's business error codes. A code is five digits whose first three are
// the HTTP status the client sees (40001 -> 400), so the status can never drift from the code.
// The machine name goes to the envelope's "error" field; the localized text comes from the
// i18n key of the same name.
package errs

import (
	"errors"

	"github.com/gogf/gf/v2/errors/gcode"
	"github.com/gogf/gf/v2/errors/gerror"
)

// Code is a business code. It satisfies gcode.Code so gerror.Code(err) finds it.
type Code struct {
	code    int
	machine string
}

func (c Code) Code() int             { return c.code }
func (c Code) Message() string       { return c.machine }
func (c Code) Detail() any           { return nil }
func (c Code) HTTPStatus() int       { return c.code / 100 }
func (c Code) New(args ...any) error { return &Error{code: c, args: args} }

// Wrap keeps cause for the server log while the client sees only the code's message.
func (c Code) Wrap(cause error, args ...any) error { return &Error{code: c, args: args, cause: cause} }

// Msg attaches an already-localized or literal message (e.g. a validation message).
func (c Code) Msg(message string) error { return &Error{code: c, message: message} }

var (
	InvalidInput       = Code{40000, "INVALID_INPUT"}
	InvalidCredentials = Code{40001, "INVALID_CREDENTIALS"}
	CaptchaRequired    = Code{40002, "CAPTCHA_REQUIRED"}
	CaptchaInvalid     = Code{40003, "CAPTCHA_INVALID"}
	PasswordWeak       = Code{40004, "PASSWORD_WEAK"}
	PasswordMismatch   = Code{40005, "OLD_PASSWORD_WRONG"}
	TokenInvalid       = Code{40006, "TOKEN_INVALID"}
	RegisterClosed     = Code{40007, "REGISTER_CLOSED"}
	ScheduleInvalid    = Code{40008, "SCHEDULE_INVALID"}
	TimeInvalid        = Code{40009, "TIME_INVALID"}
	ExportTooLarge     = Code{40010, "EXPORT_TOO_LARGE"}
	Unauthorized       = Code{40100, "UNAUTHORIZED"}
	TokenExpired       = Code{40101, "TOKEN_EXPIRED"}
	Forbidden          = Code{40300, "FORBIDDEN"}
	AccountDisabled    = Code{40301, "ACCOUNT_DISABLED"}
	RefreshInvalid     = Code{40302, "REFRESH_TOKEN_INVALID"}
	OutOfScope         = Code{40303, "OUT_OF_SCOPE"}
	GrantExceeds       = Code{40304, "GRANT_EXCEEDS_OWN"}
	PasswordChangeDue  = Code{40305, "PASSWORD_CHANGE_REQUIRED"}
	NotFound           = Code{40400, "NOT_FOUND"}
	Conflict           = Code{40900, "CONFLICT"}
	Duplicate          = Code{40901, "DUPLICATE"}
	JobRunning         = Code{40902, "JOB_RUNNING"}
	TooLarge           = Code{41300, "BODY_TOO_LARGE"}
	AccountLocked      = Code{42300, "ACCOUNT_LOCKED"}
	RateLimited        = Code{42900, "RATE_LIMITED"}
	Internal           = Code{50000, "INTERNAL"}
	Unavailable        = Code{50300, "UNAVAILABLE"}
)

// Error is a business error: a code, optional format arguments for its message, optional cause.
type Error struct {
	code    Code
	args    []any
	message string
	cause   error
}

func (e *Error) Error() string {
	if e.cause != nil {
		return e.code.machine + ": " + e.cause.Error()
	}
	return e.code.machine
}
func (e *Error) Code() gcode.Code { return e.code }
func (e *Error) Unwrap() error    { return e.cause }
func (e *Error) Args() []any      { return e.args }

// Message is the literal message set by Msg, if any.
func (e *Error) Message() string { return e.message }

// As finds the business error in err's chain.
func As(err error) (*Error, bool) {
	var e *Error
	if errors.As(err, &e) {
		return e, true
	}
	return nil, false
}

// Is reports whether err carries the business code c.
func Is(err error, c Code) bool {
	if e, ok := As(err); ok {
		return e.code == c
	}
	return gerror.Code(err).Code() == c.code
}
