package kami

import "time"

// VerifyResult is the data of POST /openapi/v1/cards/verify. An invalid card is a result
// (Valid false, Result says why), not an error.
type VerifyResult struct {
	Valid      bool      `json:"valid"`
	Result     string    `json:"result"`    // ResultValid, ResultNotFound, ...
	Activated  bool      `json:"activated"` // true only on the call that activated the card
	Card       *Card     `json:"card"`      // nil when NOT_FOUND
	ServerTime time.Time `json:"serverTime"`
	Nonce      string    `json:"nonce"` // the request's nonce, already checked by the client
}

// Card is a card's state as the OpenAPI shows it.
type Card struct {
	Status           string     `json:"status"` // StatusUnused, StatusActive, ...
	ActivatedAt      *time.Time `json:"activatedAt"`
	ExpiresAt        *time.Time `json:"expiresAt"` // nil for a permanent card
	RemainingSeconds *int64     `json:"remainingSeconds"`
	MaxDevices       int        `json:"maxDevices"`
	BoundDevices     int        `json:"boundDevices"`
	CreatedAt        *time.Time `json:"createdAt,omitempty"` // query only
	Plan             *Plan      `json:"plan,omitempty"`      // query only
}

// Plan is the plan a card was made under (query only).
type Plan struct {
	Name            string `json:"name"`
	DurationSeconds int64  `json:"durationSeconds"`
}

// QueryResult is the data of POST /openapi/v1/cards/query.
type QueryResult struct {
	Found bool  `json:"found"`
	Card  *Card `json:"card"`
}

// UnbindResult is the data of POST /openapi/v1/cards/unbind.
type UnbindResult struct {
	Result       string `json:"result"` // UnbindUnbound, UnbindNotBound, ...
	BoundDevices int    `json:"boundDevices"`
	// RetryAfter is seconds until another unbind may succeed, when the server says so
	// (a server extension beside UNBIND_LIMIT_REACHED); 0 when absent.
	RetryAfter int64 `json:"retryAfter,omitempty"`
}

// PublicKey is a response-signing key as GET /openapi/v1/keys publishes it.
type PublicKey struct {
	Kid       string `json:"kid"`
	Alg       string `json:"alg"`       // AlgEd25519
	PublicKey string `json:"publicKey"` // standard base64 of the 32-byte key
	Status    string `json:"status"`    // KeyActive or KeyRetiring; both verify
}
