package openapi

import (
	"net/url"

	"kami/sdk/go/kami"
)

// The canonical strings are the SDK's: one implementation signs on the client and checks on
// the server, and docs/openapi.md's worked example is tested against it.

func canonicalRequest(method, path string, q url.Values, appKey string, ts int64, nonce string, body []byte) string {
	return kami.CanonicalRequest(method, path, q, appKey, ts, nonce, body)
}

func signRequest(secret []byte, canonical string) string { return kami.SignRequest(secret, canonical) }

func canonicalResponse(nonce, method, path string, ts int64, body []byte) string {
	return kami.CanonicalResponse(nonce, method, path, ts, body)
}

func validNonce(s string) bool { return kami.ValidNonce(s) }
