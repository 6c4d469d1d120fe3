// Package errs defines Kami's business error codes. A code is five digits whose first three are
// the HTTP status the client sees (40001 -> 400), so the status can never drift from the code.
// The machine name goes to the envelope's "reason" field; the localized text (the i18n key of
// the same name) to "error" and "message".
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

// registry lists every defined code, so a test can check each is unique and translated.
var registry []Code

// Known reports whether machine is the name of a defined code.
func Known(machine string) bool {
	for _, c := range registry {
		if c.machine == machine {
			return true
		}
	}
	return false
}

func define(code int, machine string) Code {
	c := Code{code, machine}
	registry = append(registry, c)
	return c
}

var (
	InvalidInput        = define(40000, "INVALID_INPUT")
	InvalidCredentials  = define(40001, "INVALID_CREDENTIALS")
	CaptchaRequired     = define(40002, "CAPTCHA_REQUIRED")
	CaptchaInvalid      = define(40003, "CAPTCHA_INVALID")
	PasswordWeak        = define(40004, "PASSWORD_WEAK")
	PasswordMismatch    = define(40005, "OLD_PASSWORD_WRONG")
	TokenInvalid        = define(40006, "TOKEN_INVALID")
	RegisterClosed      = define(40007, "REGISTER_CLOSED")
	MenuUnknown         = define(40008, "MENU_UNKNOWN")
	SortInvalid         = define(40009, "SORT_FIELD_INVALID")
	InviteInvalid       = define(40010, "INVITE_CODE_INVALID")
	ScheduleInvalid     = define(40011, "SCHEDULE_INVALID")
	TimeInvalid         = define(40012, "TIME_INVALID")
	ExportTooLarge      = define(40013, "EXPORT_TOO_LARGE")
	UnknownField        = define(40014, "UNKNOWN_FIELD")
	AudienceInvalid     = define(40015, "AUDIENCE_INVALID") // 40015-40016: notifications
	SettingInvalid      = define(40019, "SETTING_INVALID")
	UsernameInvalid     = define(40020, "USERNAME_INVALID")
	UsernameNotEmail    = define(40021, "USERNAME_NOT_EMAIL")
	PasswordUnchanged   = define(40022, "PASSWORD_UNCHANGED")
	PasswordNeedsSymbol = define(40023, "PASSWORD_NEEDS_SYMBOL")
	Unauthorized        = define(40100, "UNAUTHORIZED")
	TokenExpired        = define(40101, "TOKEN_EXPIRED")
	Forbidden           = define(40300, "FORBIDDEN")
	AccountDisabled     = define(40301, "ACCOUNT_DISABLED")
	RefreshInvalid      = define(40302, "REFRESH_TOKEN_INVALID")
	OutOfScope          = define(40303, "OUT_OF_SCOPE")
	GrantExceeds        = define(40304, "GRANT_EXCEEDS_OWN")
	PasswordChangeDue   = define(40305, "PASSWORD_CHANGE_REQUIRED")
	AccountPending      = define(40306, "ACCOUNT_PENDING")
	NotFound            = define(40400, "NOT_FOUND")
	Conflict            = define(40900, "CONFLICT")
	Duplicate           = define(40901, "DUPLICATE")
	JobRunning          = define(40902, "JOB_RUNNING")
	InvalidState        = define(40903, "INVALID_STATE") // the object is no longer in a state that allows this
	// 40910-40911: the Idempotency-Key helper.
	IdempotencyMismatch   = define(40910, "IDEMPOTENCY_MISMATCH")
	IdempotencyInProgress = define(40911, "IDEMPOTENCY_IN_PROGRESS")
	RequestTimeout        = define(40800, "REQUEST_TIMEOUT")
	TooLarge              = define(41300, "BODY_TOO_LARGE")
	UnsupportedMedia      = define(41500, "UNSUPPORTED_MEDIA_TYPE")
	AccountLocked         = define(42300, "ACCOUNT_LOCKED")
	RateLimited           = define(42900, "RATE_LIMITED")
	Internal              = define(50000, "INTERNAL")
	Unavailable           = define(50300, "UNAVAILABLE")
	ServerBusy            = define(50301, "SERVER_BUSY")
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
