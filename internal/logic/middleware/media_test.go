package middleware_test

import (
	"context"
	"testing"

	"kami/internal/dao"
	"kami/internal/testkit"
)

// gf parses text/plain and form bodies as key=value pairs, where the unknown-field rule never
// looked: a JSON endpoint refuses any other body type with 415, creating nothing. Empty bodies
// of any type, and JSON under its other spellings, pass.
func TestNonJSONBodiesAre415(t *testing.T) {
	env := testkit.Current()
	su := env.Admin(t)
	form := func(name string) string {
		return "username=" + name + "&password=Passw0rd-1&role=agent-admin&extra=dropped"
	}
	cases := []struct {
		name        string
		contentType string
		body        func(name string) string
		status      int
		code        string
	}{
		{"text/plain", "text/plain", form, 415, "UNSUPPORTED_MEDIA_TYPE"},
		{"form", "application/x-www-form-urlencoded", form, 415, "UNSUPPORTED_MEDIA_TYPE"},
		{"multipart", "multipart/form-data; boundary=x", func(string) string { return "--x\r\n\r\n--x--\r\n" }, 415, "UNSUPPORTED_MEDIA_TYPE"},
		{"no content type", "", form, 415, "UNSUPPORTED_MEDIA_TYPE"},
		{"xml", "application/xml", func(n string) string { return "<x><username>" + n + "</username></x>" }, 415, "UNSUPPORTED_MEDIA_TYPE"},
		{"json with charset", "application/json; charset=utf-8", jsonUser, 200, ""},
		{"json, upper case", "Application/JSON", jsonUser, 200, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			name := testkit.UniqueName("mt")
			r := send(t, su, "POST", "/api/system/user", c.contentType, c.body(name), nil)
			if r.Status != c.status || r.ErrorCode() != c.code {
				t.Fatalf("HTTP %d %s, want %d %s", r.Status, r.Raw, c.status, c.code)
			}
			n, err := dao.Users.Ctx(context.Background()).Where("username", name).Count()
			if err != nil || (n == 1) != (c.status == 200) {
				t.Fatalf("%d users named %s after HTTP %d (%v)", n, name, r.Status, err)
			}
		})
	}
	t.Run("empty body of another type", func(t *testing.T) {
		cl := env.Admin(t)
		send(t, cl, "POST", "/api/auth/logout", "text/plain", "", nil).Expect(t, 200)
	})
}

func jsonUser(name string) string {
	return `{"username":"` + name + `","password":"Passw0rd-1","role":"agent-admin"}`
}
