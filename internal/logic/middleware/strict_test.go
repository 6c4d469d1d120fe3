package middleware_test

import (
	"context"
	"strings"
	"testing"

	"kami/internal/dao"
	"kami/internal/testkit"
)

// A body with a field the endpoint does not define is refused, naming the field, and changes
// nothing; an endpoint's own fields (embedded ones included) pass.
func TestUnknownFieldsAreRefused(t *testing.T) {
	env := testkit.Current()
	cl := env.Admin(t)
	cl.Lang = "en"
	refused, accepted := testkit.UniqueName("strict"), testkit.UniqueName("strict")
	cases := []struct {
		name   string
		method string
		path   string
		body   any
		status int
		code   string
	}{
		{"misspelled field", "POST", "/api/system/user", map[string]any{"username": refused, "password": "Passw0rd-1", "role": "agent-admin", "realname": "x"}, 400, "UNKNOWN_FIELD"},
		{"not an object", "POST", "/api/system/user", `["username"]`, 400, "INVALID_INPUT"},
		{"own fields pass", "POST", "/api/system/user", map[string]any{"username": accepted, "password": "Passw0rd-1", "role": "agent-admin", "realName": "x"}, 200, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := cl.Do(t, c.method, c.path, c.body).Expect(t, c.status)
			if r.ErrorCode() != c.code {
				t.Fatalf("error %q, want %q: %s", r.ErrorCode(), c.code, r.Raw)
			}
			if c.code == "UNKNOWN_FIELD" && !strings.Contains(r.ErrorText(), "realname") {
				t.Fatalf("message does not name the field: %s", r.Raw)
			}
		})
	}
	n, err := dao.Users.Ctx(context.Background()).Where("username", refused).Count()
	if err != nil || n != 0 {
		t.Fatalf("a refused create left %d rows (%v)", n, err)
	}
}

// A body over the configured cap is refused with 413 before anything runs.
func TestOversizedBodyIs413(t *testing.T) {
	cl := testkit.Current().Admin(t)
	r := cl.Post(t, "/api/system/user", `{"username":"`+strings.Repeat("a", 2<<20)+`"}`).Expect(t, 413)
	if r.ErrorCode() != "BODY_TOO_LARGE" {
		t.Fatalf("%s", r.Raw)
	}
}
