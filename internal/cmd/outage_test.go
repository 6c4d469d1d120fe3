package cmd_test

import (
	"context"
	"testing"

	"kami/internal/dao"
	"kami/internal/infra/redisx"
	"kami/internal/testkit"
)

// When Redis is down, a login answers 503 UNAVAILABLE, writes no session, and /readyz says so.
func TestRedisDownGives503(t *testing.T) {
	m := redisx.Embedded()
	if m == nil {
		t.Skip("needs the embedded store, which the test can stop and restart")
	}
	env := testkit.Current()
	ctx := context.Background()
	before, err := dao.UserSessions.Ctx(ctx).Count()
	if err != nil {
		t.Fatal(err)
	}
	m.Close()
	defer func() {
		if err := m.Restart(); err != nil {
			t.Fatal(err)
		}
	}()
	cl := env.Client()
	r := cl.Post(t, "/api/auth/login", map[string]string{"username": "admin", "password": testkit.AdminPassword}).Expect(t, 503)
	if r.ErrorCode() != "UNAVAILABLE" {
		t.Fatalf("%s", r.Raw)
	}
	cl.Get(t, "/readyz").Expect(t, 503)
	after, _ := dao.UserSessions.Ctx(ctx).Count()
	if after != before {
		t.Fatalf("sessions %d -> %d while Redis was down", before, after)
	}
}
