package kami

import "crypto/rand"

// nonceAlphabet is the nonce's character set: 64 symbols, so one random byte's low six bits
// pick one without bias.
const nonceAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// defaultNonceLen gives 192 random bits: no two requests of a project meet within the
// server's 600 s replay window.
const defaultNonceLen = 32

// ValidNonce reports whether s is an acceptable X-Kami-Nonce: 16 to 64 characters of
// [A-Za-z0-9_-].
func ValidNonce(s string) bool {
	if len(s) < 16 || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// randomNonce is the default nonce source (crypto/rand; it does not fail on supported
// platforms, and crashes the program rather than return predictable bytes).
func randomNonce() string {
	b := make([]byte, defaultNonceLen)
	_, _ = rand.Read(b)
	for i := range b {
		b[i] = nonceAlphabet[b[i]&63]
	}
	return string(b)
}
