package notify_test

import (
	"context"
	"errors"
	"testing"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/model"
	"kami/internal/model/do"
	"kami/internal/service"
	"kami/internal/testkit"
)

// SendEach reaches exactly whom one Send per notice would: a disabled user nobody, a user who
// already holds the key nobody (nor twice within one batch), a notice without a key every
// time; the email copy of a user with an address is queued and mailed after the commit, and a
// rollback leaves nothing.
func TestSendEachMatchesSend(t *testing.T) {
	sink := testkit.MailSink(t)
	ctx := context.Background()
	a := seedUser(t, consts.RoleAgent, uniqueEmail())
	b := seedUser(t, consts.RoleAgent, "")
	off := seedUser(t, consts.RoleAgent, uniqueEmail())
	if _, err := dao.Users.Ctx(ctx).WherePri(off.ID).Data(do.Users{Status: consts.StatusDisabled}).Update(); err != nil {
		t.Fatal(err)
	}
	holder := seedUser(t, consts.RoleAgent, "")
	tag := testkit.UniqueName("each")
	if got := send(t, quotaNotice(tag+":held", holder.ID)); got != 1 {
		t.Fatalf("seeding the held key reached %d", got)
	}
	mail := func(n model.Notice) model.Notice { n.Channels = []string{model.ChannelEmail}; return n }
	batch := []model.Notice{
		mail(quotaNotice(tag+":a", a.ID)),
		mail(quotaNotice(tag+":b", b.ID)),
		mail(quotaNotice(tag+":a", a.ID)), // the same key again in the batch
		quotaNotice(tag+":off", off.ID),
		quotaNotice(tag+":held", holder.ID),
		quotaNotice("", b.ID),
	}
	inTx := func(fail error) (int, error) {
		reached := 0
		err := g.DB().Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
			var err error
			if reached, err = service.Notify().SendEach(ctx, batch); err != nil {
				return err
			}
			return fail
		})
		return reached, err
	}

	rollback := errors.New("the chunk failed")
	if _, err := inTx(rollback); !errors.Is(err, rollback) {
		t.Fatalf("rolled back batch: %v", err)
	}
	if got := unread(t, a.Client) + unread(t, b.Client); got != 0 {
		t.Fatalf("a rolled back batch shows %d unread", got)
	}
	if rows := deliveries(t, a.ID); len(rows) != 0 {
		t.Fatalf("a rolled back batch queued %+v", rows)
	}

	reached, err := inTx(nil)
	if err != nil || reached != 3 {
		t.Fatalf("batch reached %d, %v; want 3", reached, err)
	}
	for _, c := range []struct {
		who  user
		want int
	}{{a, 1}, {b, 2}, {holder, 1}} {
		if got := unread(t, c.who.Client); got != c.want {
			t.Errorf("%s: %d unread, want %d", c.who.Username, got, c.want)
		}
	}
	if n, _ := dao.Notifications.Ctx(ctx).Where("user_id", off.ID).Count(); n != 0 {
		t.Errorf("the disabled user got %d", n)
	}
	// A skipped notice leaves no notice row behind either (the inbox's UNIQUE key alone would).
	for key, want := range map[string]int{tag + ":a": 1, tag + ":held": 1, tag + ":off": 0} {
		if n, _ := dao.Notices.Ctx(ctx).Where("dedup_key", key).Count(); n != want {
			t.Errorf("%d notice rows for %s, want %d", n, key, want)
		}
	}
	if rows := waitDelivered(t, a.ID, 1); rows[0].Status != "sent" {
		t.Fatalf("a's copy: %+v", rows[0])
	}
	if got := mailsTo(sink, a.Email); len(got) != 1 {
		t.Fatalf("a got %d mails", len(got))
	}
	if rows := deliveries(t, b.ID); len(rows) != 0 {
		t.Fatalf("b has no address, yet copies were queued: %+v", rows)
	}

	// Sent again, the keyed notices reach nobody; the keyless one reaches b once more.
	if reached, err = inTx(nil); err != nil || reached != 1 {
		t.Fatalf("second batch reached %d, %v; want 1", reached, err)
	}
}

// SendEach is for one user per notice inside the caller's transaction; anything else is the
// calling module's mistake and writes nothing.
func TestSendEachRefusesMisuse(t *testing.T) {
	ctx := context.Background()
	a := seedUser(t, consts.RoleAgent, "")
	b := seedUser(t, consts.RoleAgent, "")
	if _, err := service.Notify().SendEach(ctx, []model.Notice{quotaNotice("", a.ID)}); err == nil {
		t.Error("outside a transaction: accepted")
	}
	for name, ns := range map[string][]model.Notice{
		"two users":   {quotaNotice("", a.ID), quotaNotice("", a.ID, b.ID)},
		"a role":      {quotaNotice("", a.ID), {To: model.Recipients{Roles: []string{consts.RoleAgent}}, Kind: "system.note", Title: "x"}},
		"a bad kind":  {quotaNotice("", a.ID), {To: model.Recipients{UserIDs: []int64{a.ID}}, Kind: "Bad", Title: "x"}},
		"no template": {quotaNotice("", a.ID), {To: model.Recipients{UserIDs: []int64{a.ID}}, Kind: "system.note", Template: "no.such"}},
	} {
		err := g.DB().Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
			_, err := service.Notify().SendEach(ctx, ns)
			return err
		})
		if err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if got := unread(t, a.Client) + unread(t, b.Client); got != 0 {
		t.Fatalf("a refused batch wrote %d", got)
	}
}
