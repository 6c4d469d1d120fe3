package card_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/model"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/testkit"
)

type cardItem struct {
	ID           int64   `json:"id"`
	Key          string  `json:"key"`
	BatchID      int64   `json:"batchId"`
	BatchStatus  string  `json:"batchStatus"`
	PlanName     string  `json:"planName"`
	Status       string  `json:"status"`
	BoundDevices int     `json:"boundDevices"`
	UnbindCount  int     `json:"unbindCount"`
	ActivatedAt  *string `json:"activatedAt"`
	ExpiresAt    *string `json:"expiresAt"`
	Devices      []struct {
		Device string `json:"device"`
		Bound  bool   `json:"bound"`
	} `json:"devices"`
	Verifications []struct {
		Result string `json:"result"`
	} `json:"verifications"`
	Released int `json:"released"`
}

// activate stands in for the OpenAPI's first verification: the card active since at, with
// its expiry from its duration and the devices bound.
func activate(t *testing.T, c entity.Cards, at time.Time, devices ...string) {
	t.Helper()
	ctx := context.Background()
	exp := gtime.NewFromTime(at.Add(time.Duration(c.DurationSeconds) * time.Second))
	if _, err := dao.Cards.Ctx(ctx).WherePri(c.Id).Data(do.Cards{Status: model.CardActive, ActivatedAt: gtime.NewFromTime(at),
		ExpiresAt: exp, BoundDevices: len(devices)}).Update(); err != nil {
		t.Fatal(err)
	}
	for _, d := range devices {
		if _, err := dao.CardDevices.Ctx(ctx).Data(do.CardDevices{CardId: c.Id, DeviceHash: testkit.UniqueName("h") + d,
			Device: d, BoundAt: gtime.NewFromTime(at), LastSeenAt: gtime.NewFromTime(at)}).Insert(); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := dao.CardVerifications.Ctx(ctx).Data(do.CardVerifications{CardId: c.Id, ProjectId: c.ProjectId,
		Result: "VALID", CreatedAt: gtime.NewFromTime(at)}).Insert(); err != nil {
		t.Fatal(err)
	}
}

func cardGet(t *testing.T, c *testkit.Client, id int64) cardItem {
	t.Helper()
	var it cardItem
	c.Get(t, path("/api/cards/%d", id)).Expect(t, http.StatusOK).Decode(t, &it)
	return it
}

// Disabling and enabling a card, a selection and a batch: enabling returns each card to what
// its dates say; a disabled batch leaves its cards' own status alone; a selection with one
// card outside the scope changes nothing; other agents get 404.
func TestDisableAndEnable(t *testing.T) {
	now := freeze(t)
	w := newWorld(t)
	pid, plan := newProject(t, w.Admin.C, 1)
	authorize(t, w.Admin.C, pid, w.Agent1.ID)
	authorize(t, w.Admin.C, pid, w.Other.ID)
	fund(t, w.Agent1.ID, 10)
	fund(t, w.Other.ID, 10)
	b := created(t, w.Agent1.C, pid, plan, 3)
	cards := cardsOf(t, b.ID)
	activate(t, cards[1], now.Add(-time.Hour), "pc-1")
	activate(t, cards[2], now.Add(-40*24*time.Hour), "pc-2") // 30-day plan: past its expiry
	foreign := cardsOf(t, created(t, w.Other.C, pid, plan, 1).ID)[0]

	status := func(c *testkit.Client, id int64, to string) *testkit.Resp {
		return c.Put(t, path("/api/cards/%d/status", id), map[string]any{"status": to})
	}
	var it cardItem
	status(w.Agent1.C, cards[0].Id, "disabled").Expect(t, http.StatusOK).Decode(t, &it)
	if it.Status != "disabled" {
		t.Fatalf("disabled card %+v", it)
	}
	if status(w.Agent1.C, cards[0].Id, "enabled").Expect(t, http.StatusOK).Decode(t, &it); it.Status != "unused" {
		t.Fatalf("enabled card %+v", it)
	}
	expectError(t, status(w.Agent2.C, cards[0].Id, "disabled"), 404, "NOT_FOUND")
	expectError(t, status(w.Boss2.C, cards[0].Id, "disabled"), 404, "NOT_FOUND")

	ids := []int64{cards[0].Id, cards[1].Id, cards[2].Id}
	sel := func(c *testkit.Client, ids []int64, to string) *testkit.Resp {
		return c.Put(t, "/api/cards/status", map[string]any{"ids": ids, "status": to})
	}
	expectError(t, sel(w.Agent1.C, append(ids, foreign.Id), "disabled"), 404, "NOT_FOUND")
	if got := cardGet(t, w.Agent1.C, cards[1].Id); got.Status != "active" {
		t.Fatalf("a refused selection changed a card: %+v", got)
	}
	var changed struct {
		Changed int `json:"changed"`
	}
	sel(w.Boss.C, ids, "disabled").Expect(t, http.StatusOK).Decode(t, &changed) // the parent agent-admin
	if changed.Changed != 3 {
		t.Fatalf("changed %d, want 3", changed.Changed)
	}
	if sel(w.Boss.C, ids, "disabled").Expect(t, http.StatusOK).Decode(t, &changed); changed.Changed != 0 {
		t.Fatalf("disabling disabled cards changed %d", changed.Changed)
	}
	sel(w.Agent1.C, ids, "enabled").Expect(t, http.StatusOK).Decode(t, &changed)
	for i, want := range []string{"unused", "active", "expired"} {
		if got := cardGet(t, w.Agent1.C, ids[i]); got.Status != want {
			t.Fatalf("card %d after enabling: %s, want %s", i, got.Status, want)
		}
	}
	expectError(t, sel(w.Agent1.C, []int64{}, "disabled"), 400, "INVALID_INPUT")

	var bi batch
	w.Agent1.C.Post(t, path("/api/cards/batches/%d/disable", b.ID), nil).Expect(t, http.StatusOK).Decode(t, &bi)
	if bi.Status != "disabled" {
		t.Fatalf("batch %+v", bi)
	}
	if got := cardGet(t, w.Agent1.C, cards[1].Id); got.Status != "active" || got.BatchStatus != "disabled" {
		t.Fatalf("card of a disabled batch %+v", got)
	}
	w.Agent1.C.Post(t, path("/api/cards/batches/%d/disable", b.ID), nil).Expect(t, http.StatusOK) // no change, no error
	if w.Boss.C.Post(t, path("/api/cards/batches/%d/enable", b.ID), nil).Expect(t, http.StatusOK).Decode(t, &bi); bi.Status != "active" {
		t.Fatalf("enabled batch %+v", bi)
	}
}

// Unbind: only an active card before its expiry; it releases every device, keeps the
// validity and the status, and obeys the project's limit and cooldown (on the shared clock).
func TestUnbindRules(t *testing.T) {
	now := freeze(t)
	w := newWorld(t)
	pid, plan := newProject(t, w.Admin.C, 1)
	w.Admin.C.Put(t, path("/api/projects/%d", pid), map[string]any{"settings": map[string]any{"maxUnbinds": 2, "unbindCooldown": 600}}).
		Expect(t, http.StatusOK)
	authorize(t, w.Admin.C, pid, w.Agent1.ID)
	fund(t, w.Agent1.ID, 10)
	b := created(t, w.Agent1.C, pid, plan, 3)
	cards := cardsOf(t, b.ID)
	activate(t, cards[0], now.Add(-time.Hour), "pc-1", "pc-2")
	activate(t, cards[2], now.Add(-40*24*time.Hour), "pc-3")
	unbind := func(c *testkit.Client, id int64) *testkit.Resp {
		return c.Post(t, path("/api/cards/%d/unbind", id), nil)
	}

	expectError(t, unbind(w.Agent1.C, cards[1].Id), 409, "CARD_NOT_UNBINDABLE") // unused
	expectError(t, unbind(w.Agent1.C, cards[2].Id), 409, "CARD_NOT_UNBINDABLE") // past its expiry
	expectError(t, unbind(w.Agent2.C, cards[0].Id), 404, "NOT_FOUND")
	before := cardGet(t, w.Agent1.C, cards[0].Id)

	var it cardItem
	unbind(w.Agent1.C, cards[0].Id).Expect(t, http.StatusOK).Decode(t, &it)
	if it.Released != 2 || it.Status != "active" || it.BoundDevices != 0 || it.UnbindCount != 1 ||
		*it.ExpiresAt != *before.ExpiresAt || *it.ActivatedAt != *before.ActivatedAt {
		t.Fatalf("after unbind %+v (before %+v)", it, before)
	}
	detail := cardGet(t, w.Agent1.C, cards[0].Id)
	if len(detail.Devices) != 2 || detail.Devices[0].Bound || detail.Devices[1].Bound || len(detail.Verifications) != 1 {
		t.Fatalf("detail %+v", detail)
	}
	expectError(t, unbind(w.Agent1.C, cards[0].Id), 409, "UNBIND_COOLDOWN")
	testkit.SharedClock{}.Advance(t, 10*time.Minute)
	unbind(w.Boss.C, cards[0].Id).Expect(t, http.StatusOK) // the parent agent-admin, after the cooldown
	testkit.SharedClock{}.Advance(t, time.Hour)
	expectError(t, unbind(w.Agent1.C, cards[0].Id), 409, "UNBIND_LIMIT_REACHED")

	// Each unbind is in the operation log, written in its transaction.
	n, err := dao.OperationLogs.Ctx(context.Background()).Where("path", path("/api/cards/%d/unbind", cards[0].Id)).
		Where("user_id", w.Boss.ID).Count()
	if err != nil || n != 1 {
		t.Fatalf("%d operation-log rows for the agent-admin's unbind (%v)", n, err)
	}
}

// The expiry job marks active cards past expiresAt expired (and no other), and emits
// card.expired into the outbox for a project that chose it.
func TestExpiryJob(t *testing.T) {
	now := freeze(t)
	w := newWorld(t)
	pid, plan := newProject(t, w.Admin.C, 1)
	w.Admin.C.Put(t, path("/api/projects/%d", pid), map[string]any{"callbackUrl": "http://127.0.0.1:9/hook",
		"callbackEvents": []string{"card.expired"}}).Expect(t, http.StatusOK)
	authorize(t, w.Admin.C, pid, w.Agent1.ID)
	fund(t, w.Agent1.ID, 10)
	cards := cardsOf(t, created(t, w.Agent1.C, pid, plan, 3).ID)
	activate(t, cards[0], now.Add(-29*24*time.Hour), "a") // expires in a day
	activate(t, cards[1], now.Add(-31*24*time.Hour), "b") // expired a day ago

	w.Admin.C.RunJob(t, "card.expire")
	for i, want := range []string{"active", "expired", "unused"} {
		if got := cardGet(t, w.Agent1.C, cards[i].Id); got.Status != want {
			t.Fatalf("card %d: %s, want %s", i, got.Status, want)
		}
	}
	testkit.SharedClock{}.Advance(t, 2*24*time.Hour)
	w.Admin.C.RunJob(t, "card.expire")
	if got := cardGet(t, w.Agent1.C, cards[0].Id); got.Status != "expired" {
		t.Fatalf("card 0 after two days: %s", got.Status)
	}
	var events []entity.OutboxEvents
	if err := dao.OutboxEvents.Ctx(context.Background()).Where("ref", itoa(pid)).Where("type", "card.expired").Scan(&events); err != nil {
		t.Fatal(err)
	}
	if len(events) != 2 {
		t.Fatalf("%d card.expired events, want 2", len(events))
	}
	w.Admin.C.RunJob(t, "card.expire") // nothing left: no second event
	n, _ := dao.OutboxEvents.Ctx(context.Background()).Where("ref", itoa(pid)).Where("type", "card.expired").Count()
	if n != 2 {
		t.Fatalf("%d events after a third run", n)
	}
}

// The card list filters by project, batch, status and an exact key (any case, with or without
// dashes), never by a part of one.
func TestCardListFilters(t *testing.T) {
	w := newWorld(t)
	pid, plan := newProject(t, w.Admin.C, 1)
	authorize(t, w.Admin.C, pid, w.Agent1.ID)
	fund(t, w.Agent1.ID, 10)
	b := created(t, w.Agent1.C, pid, plan, 4)
	cards := cardsOf(t, b.ID)
	activate(t, cards[3], time.Now(), "x")
	key := exportedKey(t, cards[0])
	type page struct {
		Items []cardItem `json:"items"`
		Total int        `json:"total"`
	}
	for _, c := range []struct {
		query string
		want  int
	}{
		{path("batchId=%d", b.ID), 4},
		{path("projectId=%d&status=unused", pid), 3},
		{path("batchId=%d&status=active", b.ID), 1},
		{"keyword=" + key, 1},
		{"keyword=" + lowerNoDash(key), 1},
		{"keyword=" + key[:11], 0},
	} {
		var p page
		w.Agent1.C.Get(t, "/api/cards/list?"+c.query).Expect(t, http.StatusOK).Decode(t, &p)
		if p.Total != c.want {
			t.Fatalf("%s: %d cards, want %d", c.query, p.Total, c.want)
		}
		if c.query == "keyword="+key && (p.Items[0].ID != cards[0].Id || p.Items[0].Key != cards[0].KeyMask || p.Items[0].PlanName != "month") {
			t.Fatalf("found %+v", p.Items[0])
		}
	}
	var p page
	w.Agent2.C.Get(t, "/api/cards/list?keyword="+key).Expect(t, http.StatusOK).Decode(t, &p)
	if p.Total != 0 {
		t.Fatal("another agent found the card by its key")
	}
}
