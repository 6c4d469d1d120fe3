package user

import (
	"strings"
	"testing"

	"kami/internal/errs"
)

// The DERP customer role names accounts by email; no endpoint creates members yet, so the rule
// the create path applies for that role is checked here directly.
func TestStoredUsernameByRole(t *testing.T) {
	cases := []struct {
		raw, role, want string
		err             errs.Code
	}{
		{" Bob@Example.COM ", roleMember, "bob@example.com", errs.Code{}},
		{strings.Repeat("a", 116) + "@example.com", roleMember, strings.Repeat("a", 116) + "@example.com", errs.Code{}},
		{strings.Repeat("a", 117) + "@example.com", roleMember, "", errs.UsernameNotEmail},
		{"bob", roleMember, "", errs.UsernameNotEmail},
		{"bob@example.com\x00", roleMember, "", errs.UsernameNotEmail},
		{"bob@example.com", "agent", "", errs.UsernameInvalid},
		{"Agent_7", "agent", "agent_7", errs.Code{}},
	}
	for _, c := range cases {
		got, err := storedUsername(c.raw, c.role)
		if c.err != (errs.Code{}) {
			if !errs.Is(err, c.err) {
				t.Errorf("%q as %s: err %v, want %s", c.raw, c.role, err, c.err.Message())
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("%q as %s: %q %v, want %q", c.raw, c.role, got, err, c.want)
		}
	}
}
