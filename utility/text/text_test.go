package text

import (
	"testing"
	"unicode/utf8"
)

func TestTruncate(t *testing.T) {
	cases := []struct {
		in   string
		n    int
		want string
	}{
		{"abc", 5, "abc"},
		{"abcdef", 3, "abc"},
		{"账号已锁定", 4, "账"}, // 3-byte runes: never half a character
		{"账号已锁定", 6, "账号"},
		{"账号", 2, ""},
		{"", 0, ""},
	}
	for _, c := range cases {
		got := Truncate(c.in, c.n)
		if got != c.want || !utf8.ValidString(got) {
			t.Errorf("Truncate(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
}

func TestEscapeControl(t *testing.T) {
	cases := []struct{ in, want string }{
		{"plain 账号", "plain 账号"},
		{"a\nb", `a\nb`},
		{"x\r\n2026 forged line", `x\r\n2026 forged line`},
		{"nul\x00", `nul\x00`},
		{"esc\x1b[31m", `esc\x1b[31m`},
		{"sep\u2028", `sep\u2028`},
		{"bad\xff", `bad\xff`},
	}
	for _, c := range cases {
		if got := EscapeControl(c.in); got != c.want {
			t.Errorf("EscapeControl(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
