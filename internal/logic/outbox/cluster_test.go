package outbox_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/adapter/webhook"
	"kami/internal/config"
	"kami/internal/dao"
	"kami/internal/logic/outbox"
	"kami/internal/service"
	"kami/internal/testkit"
)

// Two nodes work one outbox: both claim (each holds as many attempts as outbox.concurrency
// allows, and more are in flight than one node may hold), every event is delivered, and no
// (event, attempt) is ever sent twice — on the first round and again when every event is
// redelivered at once.
func TestOutboxTwoNodesNeverSendAnAttemptTwice(t *testing.T) {
	allowLocal(t, map[string]any{outbox.SettingConcurrency: 2})
	sub := newSubscriber(t)
	env := testkit.Current()
	node := env.StartNode(t)
	const n = 16
	ids := make([]string, n)
	for i := range ids {
		ids[i] = emit(t, sub.url("/hold"), "card.unbound", map[string]int{"cardId": i})
	}
	// Each node holds at most 2 attempts: 4 held at once means both nodes claimed.
	waitFor(t, "both nodes to hold attempts", func() bool { return len(sub.all()) >= 4 })
	sub.release()
	cl := env.Admin(t)
	check := func(round int) {
		t.Helper()
		nodes := map[string]int{}
		for _, id := range ids {
			r := settled(t, id, round)
			if r.Status != outbox.StatusDelivered {
				t.Fatalf("%s: %+v", id, r)
			}
			for _, d := range deliveries(t, cl, id) {
				if d.Attempt == round {
					nodes[d.Node]++
				}
			}
		}
		seen := map[string]int{}
		for _, h := range sub.all() {
			key := fmt.Sprintf("%s#%d", h.Delivery, h.Attempt)
			if seen[key]++; seen[key] > 1 {
				t.Fatalf("%s was sent twice", key)
			}
		}
		if len(seen) != n*round {
			t.Fatalf("round %d: %d distinct attempts arrived, want %d", round, len(seen), n*round)
		}
		t.Logf("round %d: attempts per node %v", round, nodes)
		if round == 1 && len(nodes) != 2 {
			t.Fatalf("deliveries came from %v, want two nodes", nodes)
		}
	}
	check(1)
	// Half the redeliveries through each node, so each wakes its own worker.
	other := node.Client().Login(t, "admin", testkit.AdminPassword)
	for i, id := range ids {
		via := cl
		if i%2 == 1 {
			via = other
		}
		via.Post(t, "/api/system/outbox/"+id+"/redeliver", nil).Expect(t, 200)
	}
	check(2)
}

// Events written while no node runs its worker wait in the table, and the next node to start
// delivers every one of them.
func TestOutboxRestartLosesNothing(t *testing.T) {
	allowLocal(t, nil)
	sub := newSubscriber(t)
	service.Outbox().Stop()
	t.Cleanup(func() { _ = service.Outbox().Start(context.Background()) })
	var ids []string
	for i := 0; i < 5; i++ {
		ids = append(ids, emit(t, sub.url("/ok"), "card.activated", map[string]int{"n": i}))
	}
	if len(sub.all()) != 0 {
		t.Fatal("delivered with no worker running")
	}
	testkit.Current().StartNode(t)
	cl := testkit.Current().Admin(t)
	for _, id := range ids {
		if r := settled(t, id, 1); r.Status != outbox.StatusDelivered {
			t.Fatalf("%s: %+v", id, r)
		}
		if d := deliveries(t, cl, id); len(d) != 1 || d[0].Node == config.Get().NodeID {
			t.Fatalf("%s delivered by %+v, want the other node", id, d)
		}
	}
}

// A node that died holding a claim keeps the event only until its lease runs out; then
// another node sends it under the next attempt number (the dead node's number is never reused).
func TestOutboxExpiredLeaseIsTakenOver(t *testing.T) {
	allowLocal(t, nil)
	sub := newSubscriber(t)
	service.Outbox().Stop() // this test alone claims, through RunOnce
	t.Cleanup(func() { _ = service.Outbox().Start(context.Background()) })
	clk := fakeClock(t, time.Now())
	id := emit(t, sub.url("/ok"), "card.activated", nil)
	cols := dao.OutboxEvents.Columns()
	until := clk.Now().Add(outbox.LeaseFor)
	_, err := dao.OutboxEvents.Ctx(context.Background()).Where(cols.EventId, id).Data(g.Map{
		cols.LeaseOwner: "dead-node", cols.LeaseUntil: gtime.New(until), cols.Attempts: 1, cols.RoundAttempts: 1,
	}).Update()
	if err != nil {
		t.Fatal(err)
	}
	for _, at := range []time.Time{clk.Now(), until} {
		clk.Set(at)
		outbox.RunOnce(context.Background())
		if r := event(t, id); r.Attempts != 1 || r.LeaseOwner != "dead-node" || len(sub.all()) != 0 {
			t.Fatalf("taken at %s while the lease ran to %s: %+v", at, until, r)
		}
	}
	clk.Set(until.Add(time.Second))
	outbox.RunOnce(context.Background())
	if r := settled(t, id, 2); r.Status != outbox.StatusDelivered {
		t.Fatalf("after the lease ran out: %+v", r)
	}
	if hits := sub.of(id); len(hits) != 1 || hits[0].Attempt != 2 {
		t.Fatalf("hits %+v", hits)
	}
	if d := deliveries(t, testkit.Current().Admin(t), id); len(d) != 1 || d[0].Attempt != 2 {
		t.Fatalf("log %+v", d)
	}
}

// Stop lets the attempt in flight finish and be recorded (no lease is left for others to wait
// out) and starts none meanwhile; after Start the waiting event goes out.
func TestOutboxStopFinishesInFlight(t *testing.T) {
	fake := &webhook.Fake{Hold: make(chan struct{})}
	outbox.SetSender(t, fake)
	t.Cleanup(func() { _ = service.Outbox().Start(context.Background()) })
	first := emit(t, "http://subscriber.invalid/first", "card.verified", nil)
	waitFor(t, "the first attempt to be in flight", func() bool { return len(fake.Posts()) == 1 })
	stopped := make(chan struct{})
	go func() { service.Outbox().Stop(); close(stopped) }()
	waitFor(t, "Stop to stop claiming", outbox.Stopping)
	// Stop is now waiting for the held attempt; an event emitted meanwhile must not start.
	second := emit(t, "http://subscriber.invalid/second", "card.verified", nil)
	outbox.RunOnce(context.Background())
	if r := event(t, second); r.Attempts != 0 {
		t.Fatalf("an attempt started while stopping: %+v", r)
	}
	select {
	case <-stopped:
		t.Fatal("Stop returned while an attempt was in flight")
	default:
	}
	close(fake.Hold)
	<-stopped
	if r := event(t, first); r.Status != outbox.StatusDelivered || r.LeaseOwner != "" || r.LeaseUntil != nil {
		t.Fatalf("after Stop: %+v", r)
	}
	if n := len(fake.Posts()); n != 1 {
		t.Fatalf("%d posts while stopping", n)
	}
	if err := service.Outbox().Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	if r := settled(t, second, 1); r.Status != outbox.StatusDelivered {
		t.Fatalf("the waiting event after Start: %+v", r)
	}
}
