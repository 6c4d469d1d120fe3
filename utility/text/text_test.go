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
