// Package randkey makes the public keys and secrets of API callers (OpenAPI projects,
// camel-oil merchants), so both key spaces look alike to integrators and share one generator.
package randkey

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
)

// Bytes is n random bytes; an error when the system has no randomness, since no key is
// better than a guessable one.
func Bytes(n int) ([]byte, error) {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		return nil, err
	}
	return b, nil
}

// AppKey is a public identifier of signed calls: "ak_" and 24 hex digits.
func AppKey() (string, error) {
	b, err := Bytes(12)
	if err != nil {
		return "", err
	}
	return "ak_" + hex.EncodeToString(b), nil
}

// Secret is 256 random bits, URL-safe, with a prefix that tells what it is when it turns up in
// a client's configuration ("as_", "whsec_").
func Secret(prefix string) (string, error) {
	b, err := Bytes(32)
	if err != nil {
		return "", err
	}
	return prefix + base64.RawURLEncoding.EncodeToString(b), nil
}
