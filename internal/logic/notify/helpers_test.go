package notify_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/infra/redisx"
	"kami/internal/model"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/internal/testkit"
	"kami/internal/testkit/smtpsink"
)

// item mirrors the API's NotificationItem.
type item struct {
	ID       int64   `json:"id"`
	Kind     string  `json:"kind"`
	KindName string  `json:"kindName"`
	Title    string  `json:"title"`
	Content  string  `json:"content"`
	Read     bool    `json:"read"`
	ReadAt   *string `json:"readAt"`
	Ref      *struct {
		Type string `json:"type"`
		ID   int64  `json:"id"`
	} `json:"ref"`
	CreatedAt string `json:"createdAt"`
}

type itemList struct {
	Items []item `json:"items"`
	Total int    `json:"total"`
}

// user is a seeded account with a logged-in client.
type user struct {
	testkit.SeededUser
	Email  string
	Client *testkit.Client
}

// seedUser creates an enabled user of role (agents under a fresh agent-admin) with email as
// its address ("" for none), logged in.
func seedUser(t *testing.T, role, email string) user {
	t.Helper()
	parent := testkit.SuperAdmin(t)
	if role == consts.RoleAgent {
		parent = testkit.SeedUser(t, consts.RoleAgentAdmin, parent)
	}
	u := user{SeededUser: testkit.SeedUser(t, role, parent), Email: email}
	if email != "" {
		if _, err := dao.Users.Ctx(context.Background()).WherePri(u.ID).Data(do.Users{Email: email}).Update(); err != nil {
			t.Fatal(err)
		}
	}
	u.Client = testkit.Current().Login(t, u.SeededUser)
	return u
}

func uniqueEmail() string { return testkit.UniqueName("n") + "@example.test" }

// send calls the Go API outside any transaction.
func send(t *testing.T, n model.Notice) int {
	t.Helper()
	got, err := service.Notify().Send(context.Background(), n)
	if err != nil {
		t.Fatalf("send %+v: %v", n, err)
	}
	return got
}

// quotaNotice is a business notice to ids, rendered from a shipped template.
func quotaNotice(key string, ids ...int64) model.Notice {
	return model.Notice{
		To: model.Recipients{UserIDs: ids}, Kind: "quota.changed", Template: "quota.changed",
		Params:   map[string]any{"amount": 1234567, "reason": "recharge", "available": 2000000},
		Ref:      model.Ref{Type: "quota.ledger", ID: 42},
		DedupKey: key,
	}
}

func inbox(t *testing.T, cl *testkit.Client, query string) itemList {
	t.Helper()
	var l itemList
	cl.Get(t, "/api/notifications/list?pageSize=100"+query).Expect(t, http.StatusOK).Decode(t, &l)
	return l
}

func unread(t *testing.T, cl *testkit.Client) int {
	t.Helper()
	var c struct {
		Count int `json:"count"`
	}
	cl.Get(t, "/api/notifications/unread-count").Expect(t, http.StatusOK).Decode(t, &c)
	return c.Count
}

// mailsTo are the mails the sink accepted for addr.
func mailsTo(sink *smtpsink.Sink, addr string) []smtpsink.Mail {
	var out []smtpsink.Mail
	for _, m := range sink.Messages() {
		for _, r := range m.To {
			if strings.EqualFold(r, addr) {
				out = append(out, m)
			}
		}
	}
	return out
}

// deliveries are the channel copies queued for a user, oldest first.
func deliveries(t *testing.T, userID int64) []entity.NotificationDeliveries {
	t.Helper()
	var rows []entity.NotificationDeliveries
	if err := dao.NotificationDeliveries.Ctx(context.Background()).Where("user_id", userID).OrderAsc("id").Scan(&rows); err != nil {
		t.Fatal(err)
	}
	return rows
}

// waitFor polls cond until it holds, failing after timeout with what it waited for.
func waitFor(t *testing.T, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s", timeout, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitDelivered waits until every copy of the user has left pending/sending and returns them.
func waitDelivered(t *testing.T, userID int64, want int) []entity.NotificationDeliveries {
	t.Helper()
	var rows []entity.NotificationDeliveries
	waitFor(t, 20*time.Second, fmt.Sprintf("%d settled copies of user %d", want, userID), func() bool {
		rows = deliveries(t, userID)
		if len(rows) != want {
			return false
		}
		for _, r := range rows {
			if r.Status == "pending" || r.Status == "sending" {
				return false
			}
		}
		return true
	})
	return rows
}

// clearGlobalMailLimit forgets the spent units of the site-wide mail limit, so a test that set
// it low leaves no debt for the next.
func clearGlobalMailLimit(t *testing.T) {
	t.Helper()
	if _, err := g.Redis().Del(context.Background(), redisx.Key("rl", "notify", "email")); err != nil {
		t.Fatal(err)
	}
}

// runJob runs a job through the API, waiting out a scheduled run of it that holds the lock.
func runJob(t *testing.T, admin *testkit.Client, name string) testkit.JobRun {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		r := admin.Post(t, "/api/system/job/"+name+"/run", nil)
		if r.Status == http.StatusConflict && time.Now().Before(deadline) {
			time.Sleep(50 * time.Millisecond)
			continue
		}
		var started struct {
			RunID int64 `json:"runId"`
		}
		r.Expect(t, http.StatusOK).Decode(t, &started)
		return admin.WaitRun(t, name, started.RunID, 60*time.Second)
	}
}
