package relay_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"kami/internal/adapter/openaicompat"
	"kami/internal/dao"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/internal/testkit"
)

// coolEvent is one row of GET /api/relay/channels/{id}/events.
type coolEvent struct {
	Kind       string `json:"kind"`
	KeyID      int64  `json:"keyId"`
	Model      string `json:"model"`
	Reason     string `json:"reason"`
	OperatorID int64  `json:"operatorId"`
}

// coolEvents is the channel's events of kind, newest first, read over the admin API.
func coolEvents(t *testing.T, admin *testkit.Client, id int64, kind string) []coolEvent {
	t.Helper()
	var res struct {
		Items []coolEvent `json:"items"`
	}
	admin.Get(t, fmt.Sprintf("/api/relay/channels/%d/events?pageSize=100", id)).Expect(t, http.StatusOK).Decode(t, &res)
	var out []coolEvent
	for _, e := range res.Items {
		if e.Kind == kind {
			out = append(out, e)
		}
	}
	return out
}

// coolNotices counts the relay.channelDisabled notices about the channel and the copies of
// them in the first super-admin's inbox.
func coolNotices(t *testing.T, channelID int64) (notices, inbox int) {
	t.Helper()
	ctx := context.Background()
	ids, err := dao.Notices.Ctx(ctx).Fields("id").Where("kind", "relay.channelDisabled").
		Where("ref_type", "relay.channel").Where("ref_id", channelID).Array()
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) == 0 {
		return 0, 0
	}
	n, err := dao.Notifications.Ctx(ctx).WhereIn("notice_id", ids).Where("user_id", testkit.SuperAdmin(t).ID).Count()
	if err != nil {
		t.Fatal(err)
	}
	return len(ids), n
}

func coolRow(t *testing.T, id int64) entity.RelayChannels {
	t.Helper()
	var r entity.RelayChannels
	if err := dao.RelayChannels.Ctx(context.Background()).WherePri(id).Scan(&r); err != nil {
		t.Fatal(err)
	}
	return r
}

// disableAfterTrips consecutive trips switch an autoBan channel 1 -> 2 with an auto_disabled
// event and one notice to the super-admins (in-site), and it is no longer routed; a channel
// without autoBan keeps tripping but stays 1; a channel switched to 0 by hand while a request
// still routed to it is never touched. A second auto-disable of the same channel within
// 10 minutes writes its event but no second notice.
func TestTripsAutoDisable(t *testing.T) {
	clk := coolClock(t)
	coolSettings(t, 1, 1, 10, map[string]any{"relay.disableAfterTrips": 2, "relay.retryTimes": 0})
	admin := testkit.Current().Admin(t)
	ctx := context.Background()
	type ch struct {
		fake  *openaicompat.Fake
		model string
		id    int64
	}
	seed := func(name string) *ch {
		f := fakeUpstream(t)
		f.SetDefault(openaicompat.Behaviour{Status: 500, ErrType: "server_error", Message: "down"})
		m := testkit.UniqueName("gpt-" + name + "-")
		seedPrice(t, m, "1", "1")
		return &ch{f, m, seedChannel(t, name+"-"+m, f.URL(), 0, 1, []string{m}, "sk-"+name+"Key0000000001")}
	}
	ban, noban, manual := seed("ban"), seed("noban"), seed("manual")
	if _, err := dao.RelayChannels.Ctx(ctx).WherePri(noban.id).Data("auto_ban", 0).Update(); err != nil {
		t.Fatal(err)
	}
	service.Relay().Invalidate(ctx)
	a := newAgent(t, 1_000_000, 0)
	cl := sdk(a.Key)
	fail := func(c *ch, calls int) {
		t.Helper()
		coolRefused(t, cl, c.model, http.StatusBadGateway, "upstream_unavailable")
		if n := len(c.fake.Requests()); n != calls {
			t.Fatalf("channel %d got %d requests, want %d", c.id, n, calls)
		}
	}
	for _, c := range []*ch{ban, noban, manual} {
		fail(c, 1) // trip 1
		if r := coolRow(t, c.id); r.Status != 1 || r.Trips != 1 {
			t.Fatalf("after one trip: status %d trips %d", r.Status, r.Trips)
		}
	}
	// The operator switches it off while this node still routes to it (no invalidation yet).
	if _, err := dao.RelayChannels.Ctx(ctx).WherePri(manual.id).Data("status", 0).Update(); err != nil {
		t.Fatal(err)
	}
	clk.Advance(time.Second) // half-open: the next failure is trip 2
	fail(manual, 2)
	fail(noban, 2)
	fail(ban, 2)

	r := coolRow(t, ban.id)
	if r.Status != 2 || r.StatusReason != "2 consecutive cooling trips" || r.Trips != 2 {
		t.Fatalf("autoBan channel: status %d %q trips %d", r.Status, r.StatusReason, r.Trips)
	}
	ev := coolEvents(t, admin, ban.id, "auto_disabled")
	if len(ev) != 1 || ev[0].KeyID != 0 || ev[0].OperatorID != 0 || ev[0].Reason != "2 consecutive cooling trips" {
		t.Fatalf("auto_disabled events = %+v", ev)
	}
	if v := coolGet(t, admin, ban.id); v.Status != 2 || v.StatusReason != "2 consecutive cooling trips" {
		t.Fatalf("GET = %+v", v)
	}
	if n, inbox := coolNotices(t, ban.id); n != 1 || inbox != 1 {
		t.Fatalf("relay.channelDisabled notices = %d, in the super-admin's inbox %d; want 1, 1", n, inbox)
	}
	coolRefused(t, cl, ban.model, http.StatusServiceUnavailable, "no_available_channel")
	if n := len(ban.fake.Requests()); n != 2 {
		t.Fatalf("the disabled channel got %d requests", n)
	}

	if r := coolRow(t, manual.id); r.Status != 0 || r.StatusReason != "" {
		t.Fatalf("manual 0 touched: status %d %q", r.Status, r.StatusReason)
	}
	if ev := coolEvents(t, admin, manual.id, "auto_disabled"); len(ev) != 0 {
		t.Fatalf("manual channel events = %+v", ev)
	}
	if n, _ := coolNotices(t, manual.id); n != 0 {
		t.Fatalf("manual channel notices = %d", n)
	}

	clk.Advance(2 * time.Second) // trip 2 cools for 2 s
	fail(noban, 3)
	if r := coolRow(t, noban.id); r.Status != 1 || r.Trips != 3 {
		t.Fatalf("autoBan off: status %d trips %d", r.Status, r.Trips)
	}
	if ev := coolEvents(t, admin, noban.id, "auto_disabled"); len(ev) != 0 {
		t.Fatalf("autoBan off channel events = %+v", ev)
	}
	if n, _ := coolNotices(t, noban.id); n != 0 {
		t.Fatalf("autoBan off channel notices = %d", n)
	}
	coolWant(t, admin, noban.id, 3, clk.Now().Add(4*time.Second))

	// Back on by hand (trips reset), tripped twice again: a second event, no second notice.
	admin.Put(t, fmt.Sprintf("/api/relay/channels/%d/status", ban.id), map[string]any{"status": 1}).Expect(t, http.StatusOK)
	if r := coolRow(t, ban.id); r.Status != 1 || r.Trips != 0 {
		t.Fatalf("after the manual enable: status %d trips %d", r.Status, r.Trips)
	}
	clk.Advance(time.Second) // the trips below are after the enable's second
	fail(ban, 3)
	if r := coolRow(t, ban.id); r.Status != 1 || r.Trips != 1 {
		t.Fatalf("one trip after the enable: status %d trips %d", r.Status, r.Trips)
	}
	clk.Advance(time.Second)
	fail(ban, 4)
	if r := coolRow(t, ban.id); r.Status != 2 {
		t.Fatalf("second auto-disable: status %d", r.Status)
	}
	if ev := coolEvents(t, admin, ban.id, "auto_disabled"); len(ev) != 2 {
		t.Fatalf("auto_disabled events = %+v", ev)
	}
	if n, inbox := coolNotices(t, ban.id); n != 1 || inbox != 1 {
		t.Fatalf("notices after the second disable = %d (inbox %d), want 1 within 10 minutes", n, inbox)
	}
	waitSettled(t, a.UserID)
	audit(t, a.UserID)
}

// An upstream 404 "model does not exist" is retried on the next channel and writes one
// model_missing event for the channel and model, however many requests fail so; it is not a
// transient failure (no cooling even at coolThreshold 1) nor a fatal one (the key stays on).
func TestModelMissingEventOnce(t *testing.T) {
	coolClock(t)
	coolSettings(t, 1, 600, 900, nil)
	admin := testkit.Current().Admin(t)
	top, low := fakeUpstream(t), fakeUpstream(t)
	fakes := []*openaicompat.Fake{top, low}
	m := testkit.UniqueName("gpt-mm-")
	top.SetDefault(openaicompat.Behaviour{Status: 404, ErrType: "invalid_request_error", ErrCode: "model_not_found",
		Message: "The model `" + m + "` does not exist or you do not have access to it."})
	seedPrice(t, m, "1", "1")
	topID := seedChannel(t, "mm-top-"+m, top.URL(), 10, 1, []string{m}, "sk-mmTopKey00000001")
	seedChannel(t, "mm-low-"+m, low.URL(), 0, 1, []string{m}, "sk-mmLowKey00000001")
	service.Relay().Invalidate(context.Background())
	a := newAgent(t, 1_000_000, 0)
	cl := sdk(a.Key)
	for i := 1; i <= 4; i++ {
		coolChat(t, cl, m)
		coolCalls(t, fmt.Sprintf("request %d", i), fakes, i, i)
	}
	ev := coolEvents(t, admin, topID, "model_missing")
	if len(ev) != 1 || ev[0].KeyID != 0 || (ev[0].Reason != m && ev[0].Model != m) {
		t.Fatalf("model_missing events = %+v, want one naming %s", ev, m)
	}
	v := coolGet(t, admin, topID)
	coolWantView(t, v, 0, time.Time{})
	if st := keyStates(t, topID); v.Status != 1 || len(st) != 1 || st[0].Status != 1 {
		t.Fatalf("channel %d keys %+v after model_missing", v.Status, st)
	}
	if ev := coolEvents(t, admin, topID, "auto_disabled"); len(ev) != 0 {
		t.Fatalf("auto_disabled events = %+v", ev)
	}
	waitSettled(t, a.UserID)
	audit(t, a.UserID)
}

// relay.fatalKeywords is read live: under the defaults a 403 "exceeded your current quota"
// disables the key; once the setting replaces the list, a 403 with the custom phrase (any
// case) disables the key (and the keyless channel) and the request moves on, while the old
// default phrase is only a client fault: passed through, not retried, nothing disabled.
func TestFatalKeywordsLive(t *testing.T) {
	coolClock(t)
	admin := testkit.Current().Admin(t)
	ctx := context.Background()
	quota := openaicompat.Behaviour{Status: 403, ErrType: "invalid_request_error", Message: "You exceeded your current quota, please check your plan."}
	custom := openaicompat.Behaviour{Status: 403, ErrType: "invalid_request_error", Message: "Access refused: Kami Custom Dead Phrase 42."}
	before, dead, old, fallback := fakeUpstream(t), fakeUpstream(t), fakeUpstream(t), fakeUpstream(t)
	before.SetDefault(quota)
	old.SetDefault(quota)
	dead.SetDefault(custom)
	m1, m2, m3 := testkit.UniqueName("gpt-fk1-"), testkit.UniqueName("gpt-fk2-"), testkit.UniqueName("gpt-fk3-")
	for _, m := range []string{m1, m2, m3} {
		seedPrice(t, m, "1", "1")
	}
	beforeID := seedChannel(t, "fk-before-"+m1, before.URL(), 10, 1, []string{m1}, "sk-fkBeforeKey00001")
	deadID := seedChannel(t, "fk-dead-"+m2, dead.URL(), 10, 1, []string{m2}, "sk-fkDeadKey0000001")
	oldID := seedChannel(t, "fk-old-"+m3, old.URL(), 10, 1, []string{m3}, "sk-fkOldKey00000001")
	seedChannel(t, "fk-fallback", fallback.URL(), 0, 1, []string{m1, m2, m3}, "sk-fkFallbackKey001")
	service.Relay().Invalidate(ctx)
	a := newAgent(t, 1_000_000, 0)
	cl := sdk(a.Key)

	coolChat(t, cl, m1) // the defaults: fatal, key and channel off, served by the fallback
	if st := keyStates(t, beforeID); len(st) != 1 || st[0].Status != 2 || channelState(t, beforeID).Status != 2 {
		t.Fatalf("under the default keywords: channel %+v keys %+v", channelState(t, beforeID), st)
	}

	testkit.SetSettings(t, map[string]any{"relay.fatalKeywords": []string{"kami custom dead phrase"}})
	coolChat(t, cl, m2)
	if st := keyStates(t, deadID); len(st) != 1 || st[0].Status != 2 || channelState(t, deadID).Status != 2 {
		t.Fatalf("custom keyword: channel %+v keys %+v", channelState(t, deadID), st)
	}
	if ev := coolEvents(t, admin, deadID, "auto_disabled"); len(ev) != 2 || ev[1].KeyID == 0 || ev[0].KeyID != 0 {
		t.Fatalf("auto_disabled events = %+v, want the key's then the channel's", ev)
	}
	coolRefused(t, cl, m3, http.StatusForbidden, "") // the replaced default phrase: the client's fault
	if st := keyStates(t, oldID); len(st) != 1 || st[0].Status != 1 || channelState(t, oldID).Status != 1 {
		t.Fatalf("replaced default keyword: channel %+v keys %+v", channelState(t, oldID), st)
	}
	coolCalls(t, "fallback", []*openaicompat.Fake{before, dead, old, fallback}, 1, 1, 1, 2)
	waitSettled(t, a.UserID)
	audit(t, a.UserID)
}
