package outbox_test

import (
	"context"
	"strings"
	"testing"

	"kami/internal/adapter/webhook"
	"kami/internal/consts"
	"kami/internal/logic/outbox"
	"kami/internal/service"
	"kami/internal/testkit"
)

// Only the super-admin reads the outbox or redelivers; bad filters are refused.
func TestOutboxAccess(t *testing.T) {
	env := testkit.Current()
	id := emit(t, "error:nobody", "card.expired", nil)
	admin := testkit.SuperAdmin(t)
	agentAdmin := testkit.SeedUser(t, consts.RoleAgentAdmin, admin)
	agent := testkit.SeedUser(t, consts.RoleAgent, agentAdmin)
	routes := []struct{ method, path string }{
		{"GET", "/api/system/outbox/list"},
		{"GET", "/api/system/outbox/" + id + "/deliveries"},
		{"POST", "/api/system/outbox/" + id + "/redeliver"},
	}
	for _, r := range routes {
		env.Client().Do(t, r.method, r.path, nil).Expect(t, 401)
		for _, u := range []testkit.SeededUser{agentAdmin, agent} {
			env.Login(t, u).Do(t, r.method, r.path, nil).Expect(t, 403)
		}
		env.Admin(t).Do(t, r.method, r.path, nil).Expect(t, 200)
	}
	cl := env.Admin(t)
	for _, q := range []string{"status=sent", "sortBy=body", "pageSize=101", "topic=" + strings.Repeat("t", 65)} {
		if r := cl.Get(t, "/api/system/outbox/list?"+q); r.Status != 400 {
			t.Errorf("%s: HTTP %d %s", q, r.Status, r.Raw)
		}
	}
}

// By default a subscriber URL cannot reach the server's own network: the attempt fails
// without a connection and says why.
func TestOutboxRefusesPrivateTargetsByDefault(t *testing.T) {
	setSettings(t, map[string]any{outbox.SettingAllowPrivate: false})
	sub := newSubscriber(t)
	id := emit(t, sub.url("/ok"), "card.activated", nil)
	outbox.RunOnce(context.Background())
	r := settled(t, id, 1)
	if r.Status != outbox.StatusPending || !strings.Contains(r.LastError, "private") || len(sub.all()) != 0 {
		t.Fatalf("delivered to a private address: %+v, hits %d", r, len(sub.all()))
	}
}

// A redeliver while an attempt is in flight wins: that attempt, whatever it comes to, no
// longer moves the event, which goes out again under the next number.
func TestOutboxRedeliverDuringAttempt(t *testing.T) {
	fake := &webhook.Fake{Hold: make(chan struct{})}
	outbox.SetSender(t, fake)
	service.Outbox().Stop() // this test alone claims, through RunOnce
	t.Cleanup(func() { _ = service.Outbox().Start(context.Background()) })
	id := emit(t, "http://subscriber.invalid/hook", "card.verified", nil)
	done := make(chan struct{})
	go func() { outbox.RunOnce(context.Background()); close(done) }()
	waitFor(t, "attempt 1 to be in flight", func() bool { return len(fake.Posts()) == 1 })
	testkit.Current().Admin(t).Post(t, "/api/system/outbox/"+id+"/redeliver", nil).Expect(t, 200)
	close(fake.Hold)
	<-done
	if r := event(t, id); r.Status != outbox.StatusPending || r.Attempts != 1 || r.RoundAttempts != 0 {
		t.Fatalf("the attempt in flight moved a redelivered event: %+v", r)
	}
	outbox.RunOnce(context.Background())
	if r := settled(t, id, 2); r.Status != outbox.StatusDelivered {
		t.Fatalf("after the redelivery: %+v", r)
	}
	posts := fake.Posts()
	if len(posts) != 2 || posts[1].Header.Get(outbox.HeaderAttempt) != "2" || posts[1].Header.Get(outbox.HeaderDelivery) != id {
		t.Fatalf("posts %+v", posts)
	}
}
