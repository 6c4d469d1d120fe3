package notify_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/model"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/internal/testkit"
	"kami/utility/dbx"
)

// The log.retention job deletes, once notify.retention has passed on the shared clock, read
// inbox rows no copy still waits on, finished copies and the notices nobody holds any more. An
// unread row, a copy still to send with its inbox row, and the notices they name stay; so does
// everything while the window is 0.
func TestRetentionDeletesReadNotifications(t *testing.T) {
	// Put back after the clock is released, by a login made then: one from the moved time is not
	// valid on the real clock, and one from before the move was purged meanwhile.
	t.Cleanup(func() {
		putSettings(t, map[string]any{"notify.emailPerUserPerHour": nil, "notify.emailMaxAttempts": nil, "notify.retention": nil})
	})
	putSettings(t, map[string]any{"notify.emailPerUserPerHour": 1, "notify.emailMaxAttempts": 1})
	// The scheduler follows the moved clock: a scheduled log.retention between a step's move and
	// its window setting would judge the rows by the wrong window. The test runs it itself.
	testkit.Current().Admin(t).Put(t, "/api/system/job/log.retention", map[string]any{"enabled": false}).Expect(t, http.StatusOK)
	t.Cleanup(func() {
		testkit.Current().Admin(t).Put(t, "/api/system/job/log.retention", map[string]any{"enabled": true}).Expect(t, http.StatusOK)
	})
	mailer := testkit.FakeMailer(t)
	a := seedUser(t, consts.RoleAgent, uniqueEmail()) // sent copy; a second one held by its hourly limit
	b := seedUser(t, consts.RoleAgent, uniqueEmail()) // failed copy
	c := seedUser(t, consts.RoleAgent, "")            // never reads
	d := seedUser(t, consts.RoleAgent, "")            // inbox only
	var clk testkit.SharedClock
	clk.Freeze(t, time.Now())
	t.Cleanup(func() { clk.Release(t) })

	key := testkit.UniqueName("ret")
	notice := func(suffix string, email bool, to ...int64) string {
		n := model.Notice{To: model.Recipients{UserIDs: to}, Kind: "system.note", Title: "kept?", DedupKey: key + suffix}
		if email {
			n.Channels = []string{model.ChannelEmail}
		}
		send(t, n)
		return n.DedupKey
	}
	shared := notice(".shared", true, a.ID, c.ID)
	if r := waitDelivered(t, a.ID, 1)[0]; r.Status != "sent" {
		t.Fatalf("a's copy: %+v", r)
	}
	mailer.FailWith(errors.New("refused by the test"))
	failed := notice(".failed", true, b.ID)
	if r := waitDelivered(t, b.ID, 1)[0]; r.Status != "failed" {
		t.Fatalf("b's copy: %+v", r)
	}
	mailer.FailWith(nil)
	held := notice(".held", true, a.ID)
	waitFor(t, 20*time.Second, "a's second copy held by the limit", func() bool {
		r := deliveries(t, a.ID)
		return len(r) == 2 && r[1].Status == "pending" && strings.Contains(r[1].LastError, "limit")
	})
	// The copy stays due while the clock moves: this node's worker is stopped until the end, so
	// its row keeps the dates it has now.
	service.Notify().Stop()
	t.Cleanup(func() { _ = service.Notify().Start(context.Background()) })
	solo := notice(".solo", false, d.ID)
	for _, u := range []user{a, b, d} {
		u.Client.Put(t, "/api/notifications/read-all", nil).Expect(t, http.StatusOK)
	}

	rows := tracked{}
	rows.inbox(t, "a shared", a.ID, shared)
	rows.inbox(t, "c shared (unread)", c.ID, shared)
	rows.inbox(t, "b failed", b.ID, failed)
	rows.inbox(t, "a held", a.ID, held)
	rows.inbox(t, "d solo", d.ID, solo)
	for _, k := range []string{shared, failed, held, solo} {
		rows.notice(t, strings.TrimPrefix(k, key), k)
	}
	steps := []struct {
		name      string
		advance   time.Duration
		retention any // notify.retention for the run; nil: the default (180 days)
		gone      []string
	}{
		{"a day old", 24 * time.Hour, nil, nil},
		{"window 0 keeps everything", 180 * 24 * time.Hour, "0s", nil},
		{"past the window", 0, nil, []string{
			"a shared", "a shared copy", "b failed", "b failed copy", "d solo", ".failed", ".solo",
		}},
	}
	for i, st := range steps {
		clk.Advance(t, st.advance)
		putSettings(t, map[string]any{"notify.retention": st.retention})
		// Read just now: young, whatever the window.
		young := rows.young(t, d, notice(".young"+string(rune('0'+i)), false, d.ID))

		if run := runJob(t, testkit.Current().Admin(t), "log.retention"); run.Status != "success" {
			t.Fatalf("%s: run %+v", st.name, run)
		}
		gone := map[string]bool{}
		for _, name := range st.gone {
			gone[name] = true
		}
		for name, r := range rows {
			if left := r.count(t); (left == 0) != gone[name] {
				t.Errorf("%s: %s: %d row(s) left, want gone=%v", st.name, name, left, gone[name])
			}
		}
		if young.count(t) != 1 {
			t.Errorf("%s: the young notification went", st.name)
		}
	}
}

// The retention setting takes 0 or a window of an hour or more.
func TestRetentionWindowBounds(t *testing.T) {
	t.Cleanup(func() { putSettings(t, map[string]any{"notify.retention": nil}) })
	admin := testkit.Current().Admin(t)
	for _, tc := range []struct {
		value any
		want  int
	}{{"30m", http.StatusBadRequest}, {"-1h", http.StatusBadRequest}, {"2h", http.StatusOK}, {"0s", http.StatusOK}} {
		admin.Put(t, "/api/system/settings", map[string]any{"values": map[string]any{"notify.retention": tc.value}}).Expect(t, tc.want)
	}
}

// row is one tracked row: a table and an id.
type row struct {
	table string
	id    int64
}

func (r row) count(t *testing.T) int {
	t.Helper()
	n, err := dao.Notices.DB().Model(r.table).Ctx(context.Background()).Where("id", r.id).Count()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// tracked names the rows a test follows.
type tracked map[string]row

// inbox tracks the user's inbox row of the notice with key, and its copy if it has one.
func (rs tracked) inbox(t *testing.T, name string, userID int64, key string) {
	t.Helper()
	ctx := context.Background()
	var n entity.Notifications
	if err := dao.Notifications.Ctx(ctx).Where("user_id", userID).Where("dedup_key", key).Scan(&n); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	rs[name] = row{dao.Notifications.Table(), n.Id}
	var copies []entity.NotificationDeliveries
	if err := dao.NotificationDeliveries.Ctx(ctx).Where("notification_id", n.Id).Scan(&copies); err != nil && !dbx.IsNoRows(err) {
		t.Fatal(err)
	}
	for _, c := range copies {
		rs[name+" copy"] = row{dao.NotificationDeliveries.Table(), c.Id}
	}
}

// notice tracks the notice with key.
func (rs tracked) notice(t *testing.T, name, key string) {
	t.Helper()
	v, err := dao.Notices.Ctx(context.Background()).Where("dedup_key", key).Value("id")
	if err != nil || v.Int64() == 0 {
		t.Fatalf("notice %s: %v", key, err)
	}
	rs[name] = row{dao.Notices.Table(), v.Int64()}
}

// young has u read the notice with key now (a login at the clock's time) and returns its inbox row.
func (rs tracked) young(t *testing.T, u user, key string) row {
	t.Helper()
	var n entity.Notifications
	if err := dao.Notifications.Ctx(context.Background()).Where("user_id", u.ID).Where("dedup_key", key).Scan(&n); err != nil {
		t.Fatal(err)
	}
	testkit.Current().Login(t, u.SeededUser).Put(t, "/api/notifications/read-all", nil).Expect(t, http.StatusOK)
	return row{dao.Notifications.Table(), n.Id}
}

// putSettings writes settings (nil: back to the default) as an admin logged in now, on whatever
// time the clock shows.
func putSettings(t *testing.T, values map[string]any) {
	t.Helper()
	testkit.Current().Admin(t).Put(t, "/api/system/settings", map[string]any{"values": values}).Expect(t, http.StatusOK)
}
