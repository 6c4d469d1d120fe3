package text

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// EscapeControl makes s safe to log as one line: control characters (CR, LF, NUL, ESC, the
// Unicode line and paragraph separators...) are written as Go escapes, so a `%0a` in a path or a
// user agent cannot forge a log line. Printable text, Chinese included, is kept as it is.
func EscapeControl(s string) string {
	clean := true
	for _, r := range s {
		if isUnsafe(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(`\x` + strconv.FormatUint(uint64(s[i])|0x100, 16)[1:])
		case isUnsafe(r):
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func isUnsafe(r rune) bool {
	return unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || r == unicode.ReplacementChar
}
