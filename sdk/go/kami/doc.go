// Package kami is the Go client of Kami's OpenAPI (/openapi/v1): card verification, query and
// unbinding for the software a card belongs to, plus the signing primitives the API is built on.
//
// Every call is signed with the project's appSecret (HMAC-SHA256 over a canonical request
// string), and every answer is checked before it is decoded: the Ed25519 signature under the
// project's published key (X-Kami-Kid), the response timestamp against the local clock, and the
// echo of the request's nonce. A replayed old "valid" answer or a server that does not hold the
// project's signing key is therefore an error (ErrResponseSignature, ErrStaleResponse,
// ErrNonceMismatch), never a result.
//
//	c := kami.New("https://kami.example.com", appKey, []byte(appSecret))
//	res, err := c.Verify(ctx, cardKey, deviceFingerprint, "1.4.2")
//	if err != nil { ... }           // transport, signature, or an *APIError (IsCode)
//	if !res.Valid { ... res.Result } // NOT_FOUND, EXPIRED, DEVICE_MISMATCH, ...
//
// The same functions (CanonicalRequest, CanonicalResponse, WebhookSignature, ...) are what the
// Kami server uses, so the two sides cannot disagree on the canonical strings. The package uses
// the standard library only. The protocol is described for integrators in docs/openapi.md.
package kami
