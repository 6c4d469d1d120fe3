package notify_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/model"
	"kami/internal/service"
	"kami/internal/testkit"
)

// The email copy reaches users with an address, rendered from the template in zh-CN; a user
// without one gets the inbox entry and no queued copy.
func TestEmailCopyArrives(t *testing.T) {
	sink := testkit.MailSink(t)
	with := seedUser(t, consts.RoleAgent, uniqueEmail())
	without := seedUser(t, consts.RoleAgent, "")
	n := quotaNotice("", with.ID, without.ID)
	n.Channels = []string{model.ChannelEmail}
	if got := send(t, n); got != 2 {
		t.Fatalf("reached %d", got)
	}
	m, err := sink.WaitFor(with.Email, 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if m.Subject != "[额度变动] 您的额度变动 1234567" || !strings.Contains(m.Body, "recharge") ||
		!strings.Contains(m.Body, strings.TrimRight(testkit.Config().PublicURL, "/")) {
		t.Fatalf("mail: %q\n%s", m.Subject, m.Body)
	}
	rows := waitDelivered(t, with.ID, 1)
	if r := rows[0]; r.Status != "sent" || r.Attempts != 1 || r.SentAt == nil || r.Node != testkit.Config().NodeID {
		t.Fatalf("copy row: %+v", r)
	}
	if got := unread(t, without.Client); got != 1 {
		t.Fatalf("user without email: %d unread", got)
	}
	if rows := deliveries(t, without.ID); len(rows) != 0 {
		t.Fatalf("a copy was queued for a user without email: %+v", rows)
	}
}

// A copy the SMTP server keeps refusing is retried with backoff up to the attempt limit, then
// marked failed; the copy that went through is never sent again.
func TestEmailRetriedThenFailed(t *testing.T) {
	testkit.SetSettings(t, map[string]any{"notify.emailRetryBase": "20ms", "notify.emailMaxAttempts": 3})
	sink := testkit.MailSink(t)
	ok := seedUser(t, consts.RoleAgent, uniqueEmail())
	refused := seedUser(t, consts.RoleAgent, uniqueEmail())
	sink.Refuse(refused.Email)
	n := quotaNotice("", ok.ID, refused.ID)
	n.Channels = []string{model.ChannelEmail}
	send(t, n)

	bad := waitDelivered(t, refused.ID, 1)[0]
	if bad.Status != "failed" || bad.Attempts != 3 || !strings.Contains(bad.LastError, "refused by the test") {
		t.Fatalf("refused copy: %+v", bad)
	}
	good := waitDelivered(t, ok.ID, 1)[0]
	if good.Status != "sent" || good.Attempts != 1 {
		t.Fatalf("accepted copy: %+v", good)
	}
	if got := len(mailsTo(sink, ok.Email)); got != 1 {
		t.Fatalf("accepted copy mailed %d times", got)
	}
	if got := len(mailsTo(sink, refused.Email)); got != 0 {
		t.Fatalf("refused address holds %d mails", got)
	}
	// A failed copy stays failed: the worker's later passes leave it alone.
	send(t, model.Notice{To: model.Recipients{UserIDs: []int64{ok.ID}}, Kind: "system.note", Title: "later", Channels: []string{model.ChannelEmail}})
	waitDelivered(t, ok.ID, 2)
	if again := deliveries(t, refused.ID)[0]; again.Attempts != 3 || again.Status != "failed" {
		t.Fatalf("failed copy touched again: %+v", again)
	}
}

// Copies over a send limit wait (the attempt is not counted) instead of going out or failing.
func TestEmailSendLimits(t *testing.T) {
	for _, c := range []struct {
		name    string
		setting string
	}{
		{"per user", "notify.emailPerUserPerHour"},
		{"whole site", "notify.emailPerHour"},
	} {
		t.Run(c.name, func(t *testing.T) {
			testkit.SetSettings(t, map[string]any{c.setting: 1})
			clearGlobalMailLimit(t)
			t.Cleanup(func() { clearGlobalMailLimit(t) })
			sink := testkit.MailSink(t)
			u := seedUser(t, consts.RoleAgent, uniqueEmail())
			for i := 0; i < 2; i++ {
				send(t, model.Notice{To: model.Recipients{UserIDs: []int64{u.ID}}, Kind: "system.note",
					Title: fmt.Sprintf("mail %d", i), Channels: []string{model.ChannelEmail}})
			}
			var rows = deliveries(t, u.ID)
			waitFor(t, 20*time.Second, "one copy sent and one put off", func() bool {
				rows = deliveries(t, u.ID)
				return len(rows) == 2 && rows[0].Status == "sent" && rows[1].Status == "pending" && strings.Contains(rows[1].LastError, "limit")
			})
			if rows[1].Attempts != 0 || rows[1].NextAttemptAt == nil || !rows[1].NextAttemptAt.Time.After(time.Now().Add(time.Minute)) {
				t.Fatalf("the copy over the limit: %+v", rows[1])
			}
			if got := len(mailsTo(sink, u.Email)); got != 1 {
				t.Fatalf("%d mails, want 1", got)
			}
			// Put the waiting copy out of the way of the tests after this one.
			if _, err := dao.NotificationDeliveries.Ctx(context.Background()).WherePri(rows[1].Id).Data(g.Map{"status": "skipped"}).Update(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// Two nodes deliver the same queue: every copy is sent exactly once, by one of them. This
// node's relay is slow, so the other node's polls find copies still due and compete for them.
func TestTwoNodesSendEachCopyOnce(t *testing.T) {
	env := testkit.Current()
	sink := testkit.MailSink(t)
	sink.SetDelay(60 * time.Millisecond)
	env.StartNode(t, "KAMI_NODE_ID=notify-node-b")
	var users []testkit.SeededUser
	var ids []int64
	emails := map[int64]string{}
	for i := 0; i < 40; i++ {
		u := seedUser(t, consts.RoleAgent, uniqueEmail())
		users = append(users, u.SeededUser)
		ids = append(ids, u.ID)
		emails[u.ID] = u.Email
	}
	// Sent inside a transaction, so no node is woken early: both find the copies by polling.
	err := g.DB().Transaction(context.Background(), func(ctx context.Context, _ gdb.TX) error {
		n := quotaNotice("", ids...)
		n.Channels = []string{model.ChannelEmail}
		_, err := service.Notify().Send(ctx, n)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	byNode := map[string]int{}
	for _, u := range users {
		r := waitDelivered(t, u.ID, 1)[0]
		if r.Status != "sent" || r.Attempts != 1 {
			t.Fatalf("copy of %s: %+v", u.Username, r)
		}
		byNode[r.Node]++
		// The mail server is a setting, so both nodes send to the sink: it holds each copy once.
		if got := len(mailsTo(sink, emails[u.ID])); got != 1 {
			t.Fatalf("%s: %d mails, sent by %q", u.Username, got, r.Node)
		}
	}
	t.Logf("copies by node: %v", byNode)
}
