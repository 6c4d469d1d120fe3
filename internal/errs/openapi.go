package errs

// OpenAPI codes (openapi.md's machine codes): last two digits 40-49 (conventions.md). Its
// body, rate and availability refusals reuse the core's BODY_TOO_LARGE, RATE_LIMITED and
// UNAVAILABLE: the contract names them the same.
var (
	// OpenAPIBadRequest: malformed JSON, a missing or invalid field; the message says which.
	OpenAPIBadRequest = define(40040, "BAD_REQUEST")
	// AppKeyInvalid: no project has the X-Kami-App-Key sent (or none was sent).
	AppKeyInvalid = define(40140, "APP_KEY_INVALID")
	// SignatureInvalid: a signing header is missing or malformed, or the signature is wrong.
	SignatureInvalid = define(40141, "SIGNATURE_INVALID")
	// TimestampOutOfWindow: X-Kami-Timestamp is over 300 s from the server's time.
	TimestampOutOfWindow = define(40142, "TIMESTAMP_OUT_OF_WINDOW")
	// NonceReplayed: the nonce was accepted for this appKey within the last 600 s.
	NonceReplayed = define(40143, "NONCE_REPLAYED")
)
