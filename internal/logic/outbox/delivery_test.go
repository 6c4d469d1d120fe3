package outbox_test

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/dao"
	"kami/internal/logic/outbox"
	"kami/internal/model"
	"kami/internal/service"
	"kami/internal/testkit"
)

// An emitted event reaches the subscriber once, signed as openapi.md's webhooks, and the
// attempt shows in the admin API's list and delivery log.
func TestOutboxDeliversSignedEvent(t *testing.T) {
	allowLocal(t, nil)
	sub := newSubscriber(t)
	c := fakeClock(t, time.Now())
	data := map[string]any{"card": "KAMI-****-0001", "cardId": 7, "device": "设备-1"}
	id := emit(t, sub.url("/ok?token=abc"), "card.activated", data)
	if !strings.HasPrefix(id, "evt_") {
		t.Fatalf("event id %q", id)
	}
	outbox.RunOnce(context.Background())
	row := settled(t, id, 1)
	if row.Status != outbox.StatusDelivered || row.DeliveredAt == nil || row.LastStatusCode != 200 {
		t.Fatalf("event after delivery: %+v", row)
	}
	hits := sub.of(id)
	if len(hits) != 1 || hits[0].Attempt != 1 {
		t.Fatalf("hits %+v", hits)
	}
	verify(t, hits[0], id, "card.activated")
	if want := "t=" + strconv.FormatInt(c.Now().Unix(), 10) + ","; !strings.HasPrefix(hits[0].Signature, want) {
		t.Fatalf("signature %q is not timed by the outbox clock (%s)", hits[0].Signature, want)
	}
	var b struct {
		Data map[string]any `json:"data"`
	}
	_ = json.Unmarshal(hits[0].Body, &b)
	if b.Data["device"] != "设备-1" || b.Data["cardId"] != float64(7) {
		t.Fatalf("data %s", hits[0].Body)
	}

	cl := testkit.Current().Admin(t)
	var list struct {
		Items []struct {
			Id, Topic, Type, Ref, Status string
			Attempts                     int
			Data                         json.RawMessage
		} `json:"items"`
		Total int `json:"total"`
	}
	cl.Get(t, "/api/system/outbox/list?status=delivered&topic="+testTopic+"&pageSize=100").Expect(t, 200).Decode(t, &list)
	found := false
	for _, it := range list.Items {
		if it.Id == id {
			found = it.Type == "card.activated" && it.Status == "delivered" && it.Attempts == 1 && strings.Contains(string(it.Data), "KAMI-****-0001")
		}
	}
	if !found || list.Total < 1 {
		t.Fatalf("list: %+v", list)
	}
	cl.Get(t, "/api/system/outbox/list?status=pending&topic="+testTopic+"&ref="+sub.url("/ok?token=abc")).Expect(t, 200).Decode(t, &list)
	if list.Total != 0 {
		t.Fatalf("a delivered event is listed as pending: %+v", list)
	}
	log := deliveries(t, cl, id)
	if len(log) != 1 || log[0].Attempt != 1 || log[0].Status != "success" || log[0].StatusCode != 200 ||
		log[0].ResponseBody != `{"received":true}` || log[0].Node == "" {
		t.Fatalf("delivery log %+v", log)
	}
	if strings.Contains(log[0].Url, "token") || !strings.HasSuffix(log[0].Url, "/ok") {
		t.Fatalf("logged URL %q keeps the query string", log[0].Url)
	}
}

// Emit joins the caller's transaction: a rolled-back change leaves no event, a committed one
// is delivered.
func TestOutboxEmitJoinsTransaction(t *testing.T) {
	allowLocal(t, nil)
	sub := newSubscriber(t)
	ctx := context.Background()
	var rolledBack, committed string
	boom := errors.New("the change failed")
	err := g.DB().Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
		var err error
		rolledBack, err = service.Outbox().Emit(ctx, model.OutboxEvent{Topic: testTopic, Type: "card.verified", Ref: sub.url("/ok")})
		if err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) || rolledBack == "" {
		t.Fatalf("transaction: %v, id %q", err, rolledBack)
	}
	retire(t, rolledBack)
	err = g.DB().Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
		var err error
		committed, err = service.Outbox().Emit(ctx, model.OutboxEvent{Topic: testTopic, Type: "card.verified", Ref: sub.url("/ok"), Data: []int{1}})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	retire(t, committed)
	settled(t, committed, 1)
	if n, err := dao.OutboxEvents.Ctx(ctx).Where(dao.OutboxEvents.Columns().EventId, rolledBack).Count(); err != nil || n != 0 {
		t.Fatalf("the rolled-back event exists: %d %v", n, err)
	}
	if len(sub.of(rolledBack)) != 0 || len(sub.of(committed)) != 1 {
		t.Fatalf("hits: rolled back %d, committed %d", len(sub.of(rolledBack)), len(sub.of(committed)))
	}
}

// Emit refuses what it cannot deliver, so the caller's transaction fails instead of storing a
// dead event.
func TestOutboxEmitRefusesBadEvents(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name string
		e    model.OutboxEvent
	}{
		{"unregistered topic", model.OutboxEvent{Topic: "nobody.listens", Type: "x.y"}},
		{"no type", model.OutboxEvent{Topic: testTopic}},
		{"data that is not JSON", model.OutboxEvent{Topic: testTopic, Type: "x.y", Data: func() {}}},
		{"body too large", model.OutboxEvent{Topic: testTopic, Type: "x.y", Data: strings.Repeat("x", 300<<10)}},
	}
	before, _ := dao.OutboxEvents.Ctx(ctx).Count()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if id, err := service.Outbox().Emit(ctx, c.e); err == nil {
				retire(t, id)
				t.Fatalf("accepted as %s", id)
			}
		})
	}
	if after, _ := dao.OutboxEvents.Ctx(ctx).Count(); after != before {
		t.Fatalf("refused events were stored: %d -> %d", before, after)
	}
}
