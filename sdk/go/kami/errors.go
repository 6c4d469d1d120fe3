package kami

import (
	"errors"
	"fmt"
	"time"
)

// Errors of the response check (errors.Is). The answer they come with is discarded: it did not
// come from the project's Kami server for this request, or not now.
var (
	// ErrResponseSignature: the answer is unsigned, its X-Kami-Kid is not a published key of
	// the project (after one refetch of the keys), or the Ed25519 signature does not match.
	ErrResponseSignature = errors.New("kami: response signature invalid")
	// ErrNonceMismatch: the signed data echoes a nonce other than this request's.
	ErrNonceMismatch = errors.New("kami: response nonce does not match the request")
	// ErrStaleResponse: the response timestamp is further from the client clock than the
	// maximum skew (WithMaxSkew).
	ErrStaleResponse = errors.New("kami: response timestamp outside the allowed skew")
)

// APIError is an error envelope from the server: a call that was not carried out.
type APIError struct {
	HTTPStatus int           // the HTTP status (401, 429, 503, ...)
	Code       int           // the envelope's numeric code (non-zero)
	Err        string        // the machine code ("NONCE_REPLAYED"); branch on this, see IsCode
	Message    string        // human-readable text, not stable
	RetryAfter time.Duration // from the Retry-After header (429, 503); 0 when absent
}

func (e *APIError) Error() string {
	s := fmt.Sprintf("kami: HTTP %d %s (code %d)", e.HTTPStatus, e.Err, e.Code)
	if e.Message != "" {
		s += ": " + e.Message
	}
	if e.RetryAfter > 0 {
		s += fmt.Sprintf(", retry after %s", e.RetryAfter)
	}
	return s
}

// IsCode reports whether err is (or wraps) an *APIError with the machine code machine.
func IsCode(err error, machine string) bool {
	var e *APIError
	return errors.As(err, &e) && e.Err == machine
}
