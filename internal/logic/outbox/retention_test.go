package outbox_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/logic/outbox"
	"kami/internal/model/do"
	"kami/internal/testkit"
)

// The log.retention job deletes delivered and failed events once outbox.retention has passed on
// the shared clock, with their delivery log; a pending event and its log stay whatever their
// age, and so does every event while the window is 0.
func TestRetentionDeletesFinishedEvents(t *testing.T) {
	// Settings are put back after the clock is released, by a login made then: one from the
	// moved time is not valid on the real one, and one from before the move was purged.
	t.Cleanup(func() { putSettings(t, map[string]any{outbox.SettingAllowPrivate: nil, outbox.SettingRetention: nil}) })
	putSettings(t, map[string]any{outbox.SettingAllowPrivate: true})
	sub := newSubscriber(t)
	var clk testkit.SharedClock
	clk.Freeze(t, time.Now())
	t.Cleanup(func() { clk.Release(t) })

	delivered := emit(t, sub.url("/ok"), "test.retained", nil)
	waitFor(t, "the delivery", func() bool { return event(t, delivered).Status == outbox.StatusDelivered })
	failed := emit(t, sub.url("/fail"), "test.retained", nil)
	settled(t, failed, 1)
	// The worker marks an event failed once its budget (8 attempts over 15 h at the least) is
	// spent; here the state is set directly, as the last attempt would.
	cols := dao.OutboxEvents.Columns()
	if _, err := dao.OutboxEvents.Ctx(context.Background()).Where(cols.EventId, failed).
		Data(g.Map{cols.Status: outbox.StatusFailed}).Update(); err != nil {
		t.Fatal(err)
	}
	// Pending: its subscriber cannot be resolved, so it is tried again whenever it is due.
	pending := emit(t, "error:gone", "test.retained", nil)
	settled(t, pending, 1)
	// Pending and never touched again: a topic no module on this node serves (a node of an older
	// release wrote it, and logged an attempt) is never claimed here, so its dates stay old.
	stale := staleEvent(t, clk.Now())

	all := map[string]string{"delivered": delivered, "failed": failed, "pending": pending, "stale": stale}
	steps := []struct {
		name      string
		advance   time.Duration
		retention any // outbox.retention for the run; nil: the default (90 days)
		gone      []string
	}{
		{"a day old", 24 * time.Hour, nil, nil},
		{"window 0 keeps everything", 90 * 24 * time.Hour, "0s", nil},
		{"past the window", 0, nil, []string{"delivered", "failed"}},
	}
	for _, st := range steps {
		clk.Advance(t, st.advance)
		putSettings(t, map[string]any{outbox.SettingRetention: st.retention})
		// Finished just now: young, whatever the window.
		young := emit(t, sub.url("/ok"), "test.retained", nil)
		waitFor(t, "the young delivery", func() bool { return event(t, young).Status == outbox.StatusDelivered })

		if run := runRetention(t, testkit.Current().Admin(t)); run.Status != "success" {
			t.Fatalf("%s: run %+v", st.name, run)
		}
		want := map[string]bool{}
		for _, name := range st.gone {
			want[name] = true
		}
		for name, id := range all {
			events, logs := rowsOf(t, id)
			if gone := events == 0; gone != want[name] || (logs == 0) != want[name] {
				t.Errorf("%s: %s event: %d row(s), %d delivery row(s); want gone=%v", st.name, name, events, logs, want[name])
			}
		}
		if events, logs := rowsOf(t, young); events != 1 || logs != 1 {
			t.Errorf("%s: young event: %d row(s), %d delivery row(s)", st.name, events, logs)
		}
	}
}

// The retention setting takes 0 or a window of an hour or more.
func TestRetentionWindowBounds(t *testing.T) {
	t.Cleanup(func() { putSettings(t, map[string]any{outbox.SettingRetention: nil}) })
	admin := testkit.Current().Admin(t)
	for _, tc := range []struct {
		value any
		want  int
	}{{"59m", http.StatusBadRequest}, {"-1h", http.StatusBadRequest}, {"1h", http.StatusOK}, {"0s", http.StatusOK}, {nil, http.StatusOK}} {
		admin.Put(t, "/api/system/settings", map[string]any{"values": map[string]any{outbox.SettingRetention: tc.value}}).Expect(t, tc.want)
	}
}

// putSettings writes settings (nil: back to the default) as an admin logged in now, on whatever
// time the clock shows.
func putSettings(t *testing.T, values map[string]any) {
	t.Helper()
	testkit.Current().Admin(t).Put(t, "/api/system/settings", map[string]any{"values": values}).Expect(t, http.StatusOK)
}

// staleEvent writes a pending event of a topic unknown here, with one logged attempt, dated at.
func staleEvent(t *testing.T, at time.Time) string {
	t.Helper()
	ctx := context.Background()
	id := "evt_" + testkit.UniqueName("stale")
	when := gtime.New(at)
	_, err := dao.OutboxEvents.Ctx(ctx).Data(do.OutboxEvents{
		EventId: id, Topic: "test.elsewhere", Type: "test.retained", Body: `{}`, Status: outbox.StatusPending,
		Attempts: 1, RoundAttempts: 1, NextAttemptAt: when, CreatedAt: when, UpdatedAt: when,
	}).Insert()
	if err == nil {
		_, err = dao.OutboxDeliveries.Ctx(ctx).Data(do.OutboxDeliveries{
			EventId: id, Attempt: 1, Status: outbox.AttemptFailed, Error: "HTTP 500", CreatedAt: when,
		}).Insert()
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_, _ = dao.OutboxEvents.Ctx(context.Background()).Where(dao.OutboxEvents.Columns().EventId, id).Delete()
	})
	return id
}

// rowsOf counts an event's row and its delivery log.
func rowsOf(t *testing.T, id string) (events, logs int) {
	t.Helper()
	ctx := context.Background()
	events, err := dao.OutboxEvents.Ctx(ctx).Where(dao.OutboxEvents.Columns().EventId, id).Count()
	if err == nil {
		logs, err = dao.OutboxDeliveries.Ctx(ctx).Where(dao.OutboxDeliveries.Columns().EventId, id).Count()
	}
	if err != nil {
		t.Fatal(err)
	}
	return events, logs
}

// runRetention runs log.retention through the API; moving the clock past 03:30 also fires its
// schedule, so a 409 (that run holds the lock) is waited out.
func runRetention(t *testing.T, admin *testkit.Client) testkit.JobRun {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		r := admin.Post(t, "/api/system/job/log.retention/run", nil)
		if r.Status == http.StatusConflict && time.Now().Before(deadline) {
			time.Sleep(50 * time.Millisecond)
			continue
		}
		var started struct {
			RunID int64 `json:"runId"`
		}
		r.Expect(t, http.StatusOK).Decode(t, &started)
		return admin.WaitRun(t, "log.retention", started.RunID, 60*time.Second)
	}
}
