package relay_test

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/relay/v1"
	"kami/internal/dao"
	"kami/internal/model/do"
	"kami/internal/testkit"
)

var dbNameOfLink = regexp.MustCompile(`\)/([^?]*)`)

// Reads of relay logs go to the read replica (KAMI_DB_REPLICA_LINK, gf's master/slave nodes).
// The "replica" is a second database on the same MySQL server holding a copy of relay_logs,
// so the test can tell which one a node read: a row only the primary has is invisible through
// the node configured with the replica until the copy gets it, while the node without one
// sees it at once.
func TestLogReadsGoToTheReplica(t *testing.T) {
	env := testkit.Current()
	if !strings.HasPrefix(env.DBLink, "mysql:") {
		t.Skip("a read replica needs MySQL (KAMI_TEST_BACKEND=real)")
	}
	ctx := context.Background()
	replicaLink, drop, err := testkit.FreshDatabase(ctx, env.DBLink)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(drop)
	replica, err := gdb.New(gdb.ConfigNode{Link: replicaLink})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = replica.Close(ctx) })
	primary := dbNameOfLink.FindStringSubmatch(env.DBLink)[1]
	copyRows := func(where string) {
		t.Helper()
		if _, err := replica.Exec(ctx, "INSERT INTO relay_logs SELECT * FROM "+primary+".relay_logs WHERE "+where); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := replica.Exec(ctx, "CREATE TABLE relay_logs LIKE "+primary+".relay_logs"); err != nil {
		t.Fatal(err)
	}
	copyRows("1=1")

	reqID := strings.ReplaceAll(testkit.UniqueName("replicaprobe"), "_", "")
	if _, err := dao.RelayLogs.Ctx(ctx).Data(do.RelayLogs{RequestId: reqID, UserId: 1, TokenId: 0, Model: "replica-probe",
		Status: "ok", SettleState: "released", Final: 1, CreatedAt: gtime.Now()}).Insert(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _, _ = dao.RelayLogs.Ctx(ctx).Where("request_id", reqID).Delete() })

	node := env.StartNode(t, "KAMI_DB_REPLICA_LINK="+replicaLink, "KAMI_JOBS_ENABLED=false")
	admin := env.Admin(t)
	onNode := node.Client()
	onNode.Token = admin.Token
	count := func(c *testkit.Client) int {
		t.Helper()
		var l v1.LogListRes
		c.Get(t, "/api/relay/logs/list?requestId="+reqID).Expect(t, http.StatusOK).Decode(t, &l)
		return l.Total
	}
	if n := count(admin); n != 1 {
		t.Fatalf("the node without a replica lists %d rows, want 1", n)
	}
	if n := count(onNode); n != 0 {
		t.Fatalf("the node with the replica lists %d rows before the copy has it: it read the primary", n)
	}
	copyRows("request_id = '" + reqID + "'")
	if n := count(onNode); n != 1 {
		t.Fatalf("the node with the replica lists %d rows after the copy has it, want 1", n)
	}
	// Everything else stays on the primary: the node still logs in and reads its users there.
	onNode.Get(t, "/api/user/info").Expect(t, http.StatusOK)
}
