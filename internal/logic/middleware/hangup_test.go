package middleware_test

import (
	"encoding/json"
	"fmt"
	"strconv"
	"testing"

	"kami/internal/testkit"
)

// A client that sends a mutation and hangs up at once used to leave, 12 times in 45, a
// committed change with no audit row. Each change must commit and have its one row, completed
// with the answer the server gave: on a route whose audit row is written in the change's
// transaction (status) and on one audited only by the middleware (profile edit).
func TestHangUpAfterSendingStillAudits(t *testing.T) {
	env := testkit.Current()
	su := env.Admin(t)
	const rounds = 30
	cases := []struct {
		name  string
		path  func(id int64) string
		body  func(i int) any
		isSet func(u int, remark string, i int) bool
	}{
		{
			"status, audited in the transaction",
			func(id int64) string { return "/api/system/user/" + strconv.FormatInt(id, 10) + "/status" },
			func(i int) any { return map[string]int{"status": i % 2} },
			func(status int, _ string, i int) bool { return status == i%2 },
		},
		{
			"profile, audited by the middleware",
			func(id int64) string { return "/api/system/user/" + strconv.FormatInt(id, 10) },
			func(i int) any { return map[string]string{"remark": fmt.Sprintf("round %d", i)} },
			func(_ int, remark string, i int) bool { return remark == fmt.Sprintf("round %d", i) },
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			target := agentAdmin(t)
			path := c.path(target.ID)
			for i := range rounds {
				body, _ := json.Marshal(c.body(i))
				agent := testkit.UniqueName("hangup-")
				conn := dial(t)
				req := rawRequest("PUT", path, map[string]string{
					"Authorization": "Bearer " + su.Token, "Content-Type": "application/json",
					"User-Agent": agent, "X-Forwarded-For": randomIP(),
				}, string(body), len(body))
				if _, err := conn.Write([]byte(req)); err != nil {
					t.Fatal(err)
				}
				_ = conn.Close()
				waitFor(t, fmt.Sprintf("round %d committed and audited", i), func() bool {
					u := userByID(t, target.ID)
					rows := opLogs(t, map[string]any{"user_agent": agent})
					return c.isSet(u.Status, u.Remark, i) && len(rows) == 1 && rows[0].Status == 200
				})
			}
			if rows := opLogs(t, map[string]any{"path": path}); len(rows) != rounds {
				t.Fatalf("%d rows for %d requests", len(rows), rounds)
			}
		})
	}
}

// A request audited in its transaction still has exactly one row, completed by the
// middleware; a refused one (no transaction) gets its row from the middleware alone.
func TestAuditInTransactionWritesOneRow(t *testing.T) {
	env := testkit.Current()
	su := env.Admin(t)
	target := agentAdmin(t)
	path := "/api/system/user/" + strconv.FormatInt(target.ID, 10) + "/password"
	ok := su.Put(t, path, map[string]string{"password": "Reset-Pass-2026"}).Expect(t, 200)
	weak := su.Put(t, path, map[string]string{"password": "lettersonly"}).Expect(t, 400)
	var grants struct {
		MenuIds []int64 `json:"menuIds"`
	}
	su.Get(t, "/api/system/role/agent/menus").Expect(t, 200).Decode(t, &grants)
	grant := su.Put(t, "/api/system/role/agent/menus", grants).Expect(t, 200)
	created := su.Post(t, "/api/system/user", map[string]any{
		"username": testkit.UniqueName("audit"), "password": "Passw0rd-1", "role": "agent-admin"}).Expect(t, 200)
	me := agentAdmin(t)
	own := env.Login(t, me).Put(t, "/api/user/password", map[string]string{"oldPassword": me.Password, "newPassword": "Other-Pass-2026"})
	for _, c := range []struct {
		resp   *testkit.Resp
		route  string
		status int
		code   int
	}{
		{ok, "/api/system/user/{id}/password", 200, 0},
		{weak, "/api/system/user/{id}/password", 400, 40004},
		{grant, "/api/system/role/{code}/menus", 200, 0},
		{created, "/api/system/user", 200, 0},
		{own, "/api/user/password", own.Status, own.Code},
	} {
		rows := opLogs(t, map[string]any{"trace_id": c.resp.Header.Get("Trace-Id")})
		if len(rows) != 1 || rows[0].Status != c.status || rows[0].Code != c.code || rows[0].Route != c.route {
			t.Fatalf("rows for a %d answer: %+v", c.status, rows)
		}
		if c.resp == own {
			if own.Status != 200 || rows[0].Username == "admin" {
				t.Fatalf("own password change: %s %+v", own.Raw, rows[0])
			}
			continue
		}
		if rows[0].Username != "admin" || rows[0].Request == "" || (rows[0].Method != "PUT" && c.resp != created) {
			t.Fatalf("row incomplete: %+v", rows[0])
		}
	}
}
