package logs_test

import (
	"context"
	"testing"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/model/do"
	"kami/internal/testkit"
)

func TestMain(m *testing.M) { testkit.Main(m, testkit.WithSharedClock()) }

// tree is a small hierarchy: the super-admin, two agent-admins, and one agent under the first.
type tree struct {
	root, adminA, agentA, adminB testkit.SeededUser
}

func newTree(t *testing.T) tree {
	root := testkit.SuperAdmin(t)
	a := testkit.SeedUser(t, consts.RoleAgentAdmin, root)
	return tree{
		root:   root,
		adminA: a,
		agentA: testkit.SeedUser(t, consts.RoleAgent, a),
		adminB: testkit.SeedUser(t, consts.RoleAgentAdmin, root),
	}
}

func (tr tree) all() []testkit.SeededUser {
	return []testkit.SeededUser{tr.root, tr.adminA, tr.agentA, tr.adminB}
}

// addOp writes an operation log row as the middleware would, dated at.
func addOp(t *testing.T, u testkit.SeededUser, module, method string, status int, at time.Time) int64 {
	t.Helper()
	id, err := dao.OperationLogs.Ctx(context.Background()).Data(do.OperationLogs{
		UserId: u.ID, Username: u.Username, Module: module, Route: "/api/" + module + "/x", Method: method,
		Path: "/api/" + module + "/x", Status: status, Request: `{"a":1}`, CreatedAt: gtime.NewFromTime(at.UTC()),
	}).InsertAndGetId()
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// addLogin writes a login log row, dated at.
func addLogin(t *testing.T, userID int64, username string, result int, at time.Time) int64 {
	t.Helper()
	id, err := dao.LoginLogs.Ctx(context.Background()).Data(do.LoginLogs{
		UserId: userID, Username: username, Ip: "10.0.0.1", UserAgent: "test", Result: result,
		Reason: map[int]string{0: "bad_password", 1: ""}[result], CreatedAt: gtime.NewFromTime(at.UTC()),
	}).InsertAndGetId()
	if err != nil {
		t.Fatal(err)
	}
	return id
}
