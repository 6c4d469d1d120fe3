package notify_test

import (
	"context"
	"errors"
	"kami/internal/testkit"
	"testing"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/model"
	"kami/internal/model/do"
	"kami/internal/service"
)

// A notice sent inside a transaction that rolls back leaves nothing: no inbox row, no notice,
// no queued mail. The same call in a transaction that commits is there afterwards.
func TestSendFollowsTheCallersTransaction(t *testing.T) {
	sink := testkit.MailSink(t)
	u := seedUser(t, consts.RoleAgent, uniqueEmail())
	ctx := context.Background()
	key := "tx-test:" + u.Username
	n := quotaNotice(key, u.ID)
	n.Channels = []string{model.ChannelEmail}

	rollback := errors.New("the business change failed")
	err := g.DB().Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
		if got, err := service.Notify().Send(ctx, n); err != nil || got != 1 {
			t.Errorf("send in tx: %d, %v", got, err)
		}
		// Visible inside the transaction, as the caller's own writes are.
		if c, _ := dao.Notifications.Ctx(ctx).Where("user_id", u.ID).Count(); c != 1 {
			t.Errorf("inside the transaction: %d rows", c)
		}
		return rollback
	})
	if !errors.Is(err, rollback) {
		t.Fatalf("transaction: %v", err)
	}
	if got := unread(t, u.Client); got != 0 {
		t.Fatalf("rolled back notice shows: %d unread", got)
	}
	if c, _ := dao.Notices.Ctx(ctx).Where("dedup_key", key).Count(); c != 0 {
		t.Fatalf("rolled back notice row kept: %d", c)
	}
	if rows := deliveries(t, u.ID); len(rows) != 0 {
		t.Fatalf("rolled back copy queued: %+v", rows)
	}

	// Committed: the rollback did not burn the dedup key either.
	err = g.DB().Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
		_, err := service.Notify().Send(ctx, n)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := unread(t, u.Client); got != 1 {
		t.Fatalf("committed notice: %d unread", got)
	}
	if rows := waitDelivered(t, u.ID, 1); rows[0].Status != "sent" {
		t.Fatalf("copy: %+v", rows[0])
	}
	if got := mailsTo(sink, u.Email); len(got) != 1 {
		t.Fatalf("mails after commit: %d", len(got))
	}
}

// The same dedup key reaches each user once, however often it is sent; a user the key has not
// reached yet still gets it; without a key every send is a notice.
func TestDedupKeyNotifiesOnce(t *testing.T) {
	a := seedUser(t, consts.RoleAgent, "")
	b := seedUser(t, consts.RoleAgent, "")
	key := "card.activated:" + a.Username
	for i, want := range []int{1, 0, 0} {
		if got := send(t, quotaNotice(key, a.ID)); got != want {
			t.Fatalf("send %d reached %d, want %d", i, got, want)
		}
	}
	if got := send(t, quotaNotice(key, a.ID, b.ID)); got != 1 {
		t.Fatalf("send to a and b reached %d, want 1 (b)", got)
	}
	if ga, gb := inbox(t, a.Client, "").Total, inbox(t, b.Client, "").Total; ga != 1 || gb != 1 {
		t.Fatalf("inboxes: a %d, b %d", ga, gb)
	}
	if c, _ := dao.Notices.Ctx(context.Background()).Where("dedup_key", key).Count(); c != 2 {
		t.Fatalf("notice rows for the key: %d, want 2 (the skipped sends write none)", c)
	}
	send(t, quotaNotice("", a.ID))
	send(t, quotaNotice("", a.ID))
	if got := inbox(t, a.Client, "").Total; got != 3 {
		t.Fatalf("without a key: %d notices", got)
	}
}

// Roles are expanded to their enabled users when the notice is sent; users named directly and
// by role get one copy.
func TestRoleRecipients(t *testing.T) {
	admins := []user{seedUser(t, consts.RoleAgentAdmin, ""), seedUser(t, consts.RoleAgentAdmin, "")}
	agent := seedUser(t, consts.RoleAgent, "")
	disabled := seedUser(t, consts.RoleAgentAdmin, "")
	if _, err := dao.Users.Ctx(context.Background()).WherePri(disabled.ID).Data(do.Users{Status: consts.StatusDisabled}).Update(); err != nil {
		t.Fatal(err)
	}
	before := inbox(t, agent.Client, "").Total
	n := model.Notice{To: model.Recipients{Roles: []string{consts.RoleAgentAdmin}, UserIDs: []int64{admins[0].ID}},
		Kind: "system.note", Title: "for agent-admins"}
	send(t, n)
	for _, a := range admins {
		if l := inbox(t, a.Client, ""); l.Total != 1 || l.Items[0].Title != "for agent-admins" {
			t.Fatalf("agent-admin %s: %+v", a.Username, l)
		}
	}
	if got := inbox(t, agent.Client, "").Total; got != before {
		t.Fatalf("an agent got the agent-admins' notice")
	}
	if c, _ := dao.Notifications.Ctx(context.Background()).Where("user_id", disabled.ID).Count(); c != 0 {
		t.Fatalf("a disabled user got %d", c)
	}
}

// A notice a module gets wrong is refused before anything is written.
func TestSendRejectsMalformedNotices(t *testing.T) {
	u := seedUser(t, consts.RoleAgent, "")
	for name, n := range map[string]model.Notice{
		"no kind":          {To: model.Recipients{UserIDs: []int64{u.ID}}, Title: "x"},
		"no text":          {To: model.Recipients{UserIDs: []int64{u.ID}}, Kind: "system.note"},
		"unknown template": {To: model.Recipients{UserIDs: []int64{u.ID}}, Kind: "system.note", Template: "no.such"},
		"no recipients":    {Kind: "system.note", Title: "x"},
		"unknown role":     {To: model.Recipients{Roles: []string{"root"}}, Kind: "system.note", Title: "x"},
		"unknown channel":  {To: model.Recipients{UserIDs: []int64{u.ID}}, Kind: "system.note", Title: "x", Channels: []string{"pigeon"}},
	} {
		if _, err := service.Notify().Send(context.Background(), n); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if got := unread(t, u.Client); got != 0 {
		t.Fatalf("a refused notice was written: %d", got)
	}
}
