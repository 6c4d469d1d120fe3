// Package text holds small string helpers shared by the logic packages.
package text

import "unicode/utf8"

// Truncate cuts s to at most n bytes without splitting a UTF-8 sequence: a cut inside a
// Chinese character would make the value invalid utf8mb4, which MySQL refuses.
func Truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
