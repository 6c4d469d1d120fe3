package model

import "time"

// ApiFailure is one refused OpenAPI call, as the OpenAPI hands it to service.ApiCalls().Fail
// for the project's troubleshooting log (openapi_failures). Fields longer than their column are
// cut when the log is written, never refused.
type ApiFailure struct {
	ProjectID   int64
	Endpoint    string // verify, query, unbind or keys
	Error       string // the machine code answered, e.g. SIGNATURE_INVALID
	HTTPStatus  int
	Detail      string // why, in a few words: "timestamp 1700000000 is 400 s from server time"; at most 255 characters kept
	IP          string // the caller's address
	Nonce       string // X-Kami-Nonce as sent
	RequestTime int64  // X-Kami-Timestamp as sent (unix seconds), 0 when absent or unreadable
	At          time.Time
}
