package username

import (
	"strings"
	"testing"
)

func TestCanonical(t *testing.T) {
	cases := []struct{ in, want string }{
		{"agent3", "agent3"},
		{"AgenT3", "agent3"},
		{" agent3 ", "agent3"},
		{"\u3000agent3\u00a0", "agent3"}, // ideographic and no-break spaces
		{"ＡＧＥＮＴ３", "agent3"},             // fullwidth
		{"ägent3", "ägent3"},             // an accent is a different letter, not an alias
		{"a\u0308gent3", "ägent3"},       // decomposed and composed are one name
		{"agent3\x00", "agent3\x00"},     // control characters stay, see Canonical
		{"agent3\n", "agent3\n"},
		{"Bob@Example.COM", "bob@example.com"},
	}
	for _, c := range cases {
		if got := Canonical(c.in); got != c.want {
			t.Errorf("Canonical(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestRules(t *testing.T) {
	cases := []struct {
		name         string
		staff, email bool
	}{
		{"abcd", true, false},
		{"a" + strings.Repeat("b", 31), true, false},
		{"a" + strings.Repeat("b", 32), false, false},
		{"abc", false, false},
		{"agent_3", true, false},
		{"3agent", false, false},
		{"_agent", false, false},
		{"ab cd", false, false},
		{"agent3\x00", false, false},
		{"ägent3", false, false},
		{"bob@example.com", false, true},
		{"b.o-b_1@mail.example.co", false, true},
		{"bob@localhost", false, false},
		{"bob@exa mple.com", false, false},
		{strings.Repeat("a", 116) + "@example.com", false, true}, // 128
		{strings.Repeat("a", 117) + "@example.com", false, false},
	}
	for _, c := range cases {
		if got := CheckStaff(c.name) == nil; got != c.staff {
			t.Errorf("CheckStaff(%q) ok=%v, want %v", c.name, got, c.staff)
		}
		if got := CheckEmail(c.name) == nil; got != c.email {
			t.Errorf("CheckEmail(%q) ok=%v, want %v", c.name, got, c.email)
		}
	}
}

// The canonical form of a canonical form is itself: the unique key and the counters depend on
// one name having one form.
func FuzzCanonicalIdempotent(f *testing.F) {
	for _, s := range []string{"AgenT3", "ＡＧＥＮＴ３", " \u0301a", "Ⅻ", "ǅ", "İstanbul", "ﬃ", "\u1e9e"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := Canonical(s)
		if again := Canonical(c); again != c {
			t.Fatalf("Canonical(%q) = %q but Canonical of that = %q", s, c, again)
		}
	})
}
