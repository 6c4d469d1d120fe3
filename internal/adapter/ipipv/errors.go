package ipipv

import (
	"errors"
	"fmt"
)

// Kind sorts a failed call by what it proves about the upstream, which is what the order
// logic needs: NotSent and BreakerOpen prove nothing was applied (release the reserve),
// NoAnswer proves nothing either way (the order goes unknown), Rejected is a business refusal.
type Kind int

const (
	// NotSent: the request never left (DNS, dial, TLS, or our own encoding).
	NotSent Kind = iota + 1
	// BreakerOpen: refused locally because the upstream kept failing.
	BreakerOpen
	// NoAnswer: sent, but no usable answer (timeout, reset, non-2xx, undecodable body).
	NoAnswer
	// Rejected: the upstream answered with code != 200.
	Rejected
)

// Error is every failure of a call.
type Error struct {
	Kind       Kind
	Path       string
	HTTPStatus int    // 0 when there was no HTTP answer
	Code       int    // the upstream code, Rejected only
	Msg        string // the upstream msg, Rejected only
	Err        error
}

func (e *Error) Error() string {
	switch e.Kind {
	case Rejected:
		return fmt.Sprintf("ipipv %s: code %d: %s", e.Path, e.Code, e.Msg)
	case BreakerOpen:
		return fmt.Sprintf("ipipv %s: circuit open", e.Path)
	case NotSent:
		return fmt.Sprintf("ipipv %s: not sent: %v", e.Path, e.Err)
	}
	return fmt.Sprintf("ipipv %s: no answer (http %d): %v", e.Path, e.HTTPStatus, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// KindOf returns the Kind of err, or 0 when err is not an *Error.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return 0
}

// retryable: transport failures, 5xx and 429 may be retried by classes that allow it; a
// business code never is.
func (e *Error) retryable() bool {
	switch e.Kind {
	case NotSent:
		return true
	case NoAnswer:
		return e.HTTPStatus == 0 || e.HTTPStatus >= 500 || e.HTTPStatus == 429
	}
	return false
}

// transport: what counts toward the breaker (a business refusal shows the upstream is up).
func (e *Error) transport() bool { return e.Kind == NotSent || e.Kind == NoAnswer }
