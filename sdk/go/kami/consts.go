package kami

// Request and response headers (docs/openapi.md "Request signing", "Response signing").
const (
	HeaderAppKey            = "X-Kami-App-Key"
	HeaderTimestamp         = "X-Kami-Timestamp" // on the request and, with the answer's time, on the response
	HeaderNonce             = "X-Kami-Nonce"
	HeaderSignature         = "X-Kami-Signature"
	HeaderKid               = "X-Kami-Kid"
	HeaderResponseSignature = "X-Kami-Signature-Ed25519"
)

// Webhook delivery headers.
const (
	HeaderEvent            = "X-Kami-Event"
	HeaderDelivery         = "X-Kami-Delivery" // the event id, the same on every attempt: de-duplicate on it
	HeaderWebhookSignature = "X-Kami-Webhook-Signature"
)

// Verification results (VerifyResult.Result), listed in the server's order of precedence.
const (
	ResultNotFound        = "NOT_FOUND"
	ResultProjectDisabled = "PROJECT_DISABLED"
	ResultDisabled        = "DISABLED"
	ResultNotAuthorized   = "NOT_AUTHORIZED"
	ResultExpired         = "EXPIRED"
	ResultDeviceMismatch  = "DEVICE_MISMATCH"
	ResultTooManyDevices  = "TOO_MANY_DEVICES"
	ResultValid           = "VALID"
)

// Card statuses (Card.Status).
const (
	StatusUnused   = "unused"
	StatusActive   = "active"
	StatusExpired  = "expired"
	StatusDisabled = "disabled"
)

// Unbind results (UnbindResult.Result).
const (
	UnbindUnbound      = "UNBOUND"
	UnbindNotBound     = "NOT_BOUND"
	UnbindNotFound     = "NOT_FOUND"
	UnbindLimitReached = "UNBIND_LIMIT_REACHED"
)

// Machine error codes (APIError.Err); see IsCode.
const (
	CodeAppKeyInvalid        = "APP_KEY_INVALID"
	CodeSignatureInvalid     = "SIGNATURE_INVALID"
	CodeTimestampOutOfWindow = "TIMESTAMP_OUT_OF_WINDOW"
	CodeNonceReplayed        = "NONCE_REPLAYED"
	CodeBadRequest           = "BAD_REQUEST"
	CodeBodyTooLarge         = "BODY_TOO_LARGE"
	CodeRateLimited          = "RATE_LIMITED"
	CodeUnavailable          = "UNAVAILABLE"
)

// Response-signing keys (PublicKey.Alg, PublicKey.Status). A retiring key still verifies
// answers; it is published until the server stops signing with it.
const (
	AlgEd25519  = "Ed25519"
	KeyActive   = "active"
	KeyRetiring = "retiring"
)

// Webhook event types (Event.Type, the X-Kami-Event header).
const (
	EventCardActivated = "card.activated"
	EventCardVerified  = "card.verified"
	EventCardUnbound   = "card.unbound"
	EventCardExpired   = "card.expired"
	EventCardDisabled  = "card.disabled"
)
