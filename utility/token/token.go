// Package token makes and hashes the opaque secrets handed to clients (refresh tokens, mailed
// links): only their hashes are stored, so a database leak reveals no usable token.
package token

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
)

// Random returns n random bytes, URL-safe base64 without padding.
func Random(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b) // crypto/rand never fails on supported platforms
	return base64.RawURLEncoding.EncodeToString(b)
}

// Hash is the lowercase hex SHA-256 of s, the stored form of a token.
func Hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}
