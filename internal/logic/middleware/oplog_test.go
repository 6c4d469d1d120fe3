package middleware_test

import (
	"context"
	"strings"
	"testing"

	"kami/internal/dao"
	"kami/internal/logic/middleware"
	"kami/internal/model/entity"
	"kami/internal/testkit"
)

func TestRedact(t *testing.T) {
	cases := []struct{ in, want string }{
		{`{"username":"a","password":"p"}`, `{"password":"***","username":"a"}`},
		{`{"nested":{"appSecret":"s","ok":1},"list":[{"newPassword":"x"}]}`, `{"list":[{"newPassword":"***"}],"nested":{"appSecret":"***","ok":1}}`},
		{`not json`, `{"_unparsed_bytes":8}`},
		{``, ``},
	}
	for _, c := range cases {
		if got := middleware.Redact([]byte(c.in)); got != c.want {
			t.Errorf("Redact(%s) = %s, want %s", c.in, got, c.want)
		}
	}
}

func TestOperationLogRecordsMutationsWithoutSecrets(t *testing.T) {
	env := testkit.Current()
	cl := env.Admin(t) // a POST /api/auth/login carrying the password
	cl.Post(t, "/api/auth/logout", nil).Expect(t, 200)
	// Refused requests are logged too (logout itself answers 200 even without a session).
	cl.Put(t, "/api/user/password", map[string]string{"oldPassword": "x", "newPassword": "y"}).Expect(t, 401)
	cl.Get(t, "/api/user/info") // reads are not

	var rows []entity.OperationLogs
	if err := dao.OperationLogs.Ctx(context.Background()).OrderAsc("id").Scan(&rows); err != nil {
		t.Fatal(err)
	}
	var login, logout, refused *entity.OperationLogs
	for i := range rows {
		r := &rows[i]
		switch {
		case r.Route == "/api/auth/login" && login == nil:
			login = r
		case r.Route == "/api/auth/logout" && r.Status == 200:
			logout = r
		case r.Route == "/api/user/password" && r.Status == 401:
			refused = r
		}
		if r.Method == "GET" {
			t.Fatalf("a GET was logged: %+v", r)
		}
	}
	if login == nil || logout == nil || refused == nil {
		t.Fatalf("missing rows: %+v", rows)
	}
	if strings.Contains(login.Request, testkit.AdminPassword) || !strings.Contains(login.Request, `"***"`) {
		t.Fatalf("password not redacted: %s", login.Request)
	}
	if logout.Username != "admin" || logout.UserId == 0 || logout.Module != "auth" || logout.TraceId == "" || logout.Ip == "" {
		t.Fatalf("logout row incomplete: %+v", logout)
	}
	if refused.Code != 40100 {
		t.Fatalf("refused row code %d", refused.Code)
	}
}
