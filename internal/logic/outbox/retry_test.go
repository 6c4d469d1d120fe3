package outbox_test

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"kami/internal/logic/outbox"
	"kami/internal/testkit"
)

// Every kind of failed attempt is logged with what happened and scheduled again after the
// first backoff step (1 min ±20%), not before; the retry is the same event (same id) under the
// next attempt number.
func TestOutboxFailuresAreRetried(t *testing.T) {
	allowLocal(t, map[string]any{outbox.SettingTimeout: "1s"})
	sub := newSubscriber(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	refused := "http://" + ln.Addr().String() + "/hook"
	_ = ln.Close()
	cl := testkit.Current().Admin(t)
	cases := []struct {
		name, url string
		status    int
		says      string
	}{
		{"server error", sub.url("/fail"), 500, "HTTP 500"},
		{"not found", sub.url("/nothing"), 404, "HTTP 404"},
		{"redirect is not followed", sub.url("/redirect"), 302, "HTTP 302"},
		{"no answer within the timeout", sub.url("/hang"), 0, "no complete answer within 1s"},
		{"connection closed without an answer", sub.url("/hangup"), 0, "EOF"},
		{"connection refused", refused, 0, "connection refused"},
		{"resolver fails", "error:gone", 0, "resolving the subscriber: no such project"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			clk := fakeClock(t, time.Now())
			id := emit(t, c.url, "card.expired", map[string]int{"cardId": 1})
			outbox.RunOnce(context.Background())
			first := settled(t, id, 1)
			wait := first.NextAttemptAt.Time.Sub(clk.Now())
			if first.Status != outbox.StatusPending || first.LastStatusCode != c.status || !strings.Contains(first.LastError, c.says) ||
				wait < 48*time.Second || wait > 72*time.Second {
				t.Fatalf("after attempt 1: status %s code %d error %q, next in %s", first.Status, first.LastStatusCode, first.LastError, wait)
			}
			log := deliveries(t, cl, id)
			if len(log) != 1 || log[0].Status != "failed" || log[0].StatusCode != c.status || !strings.Contains(log[0].Error, c.says) ||
				len(log[0].ResponseBody) > 1024 {
				t.Fatalf("log %+v", log)
			}

			clk.Set(first.NextAttemptAt.Time.Add(-time.Second))
			outbox.RunOnce(context.Background())
			if n := event(t, id).Attempts; n != 1 {
				t.Fatalf("attempted %d times before its time", n)
			}
			clk.Set(first.NextAttemptAt.Time)
			outbox.RunOnce(context.Background())
			second := settled(t, id, 2)
			if second.RoundAttempts != 2 || second.Status != outbox.StatusPending {
				t.Fatalf("after attempt 2: %+v", second)
			}
			if hits := sub.of(id); c.url != refused && !strings.HasPrefix(c.url, "error:") {
				if len(hits) != 2 || hits[0].Attempt != 1 || hits[1].Attempt != 2 {
					t.Fatalf("hits %+v", hits)
				}
				verify(t, hits[1], id, "card.expired")
			}
		})
	}
	for _, h := range sub.all() {
		if h.Path == "/ok" {
			t.Fatal("a redirect was followed")
		}
	}
}

// A subscriber that keeps failing gets the whole budget (here the minimum, 8 attempts), each
// wait on the backoff schedule with jitter, over more than 12 hours; then the event is failed
// and never tried again, until an admin redelivers it: then it goes out at once, same id, under
// the next attempt number, with a fresh budget.
func TestOutboxBackoffUntilFailedThenRedeliver(t *testing.T) {
	allowLocal(t, map[string]any{outbox.SettingMaxAttempts: 8})
	sub := newSubscriber(t)
	start := time.Now()
	clk := fakeClock(t, start)
	id := emit(t, sub.url("/flaky/8"), "card.disabled", nil)
	steps := []time.Duration{time.Minute, 5 * time.Minute, 30 * time.Minute, time.Hour, 2 * time.Hour, 4 * time.Hour, 8 * time.Hour}
	outbox.RunOnce(context.Background())
	for n := 1; ; n++ {
		r := settled(t, id, n)
		if n == 8 {
			if r.Status != outbox.StatusFailed {
				t.Fatalf("after the last attempt: %+v", r)
			}
			break
		}
		wait := r.NextAttemptAt.Time.Sub(clk.Now())
		if r.Status != outbox.StatusPending || wait < steps[n-1]*8/10 || wait > steps[n-1]*12/10 {
			t.Fatalf("after attempt %d: status %s, next in %s (step %s)", n, r.Status, wait, steps[n-1])
		}
		clk.Set(r.NextAttemptAt.Time)
		outbox.RunOnce(context.Background())
	}
	if span := clk.Now().Sub(start.Truncate(time.Second)); span < 12*time.Hour {
		t.Fatalf("8 attempts spanned only %s", span)
	}
	clk.Set(clk.Now().Add(72 * time.Hour))
	outbox.RunOnce(context.Background())
	if r := event(t, id); r.Attempts != 8 || r.Status != outbox.StatusFailed {
		t.Fatalf("a failed event was tried again: %+v", r)
	}
	cl := testkit.Current().Admin(t)
	if log := deliveries(t, cl, id); len(log) != 8 || log[0].Attempt != 8 || log[7].Attempt != 1 {
		t.Fatalf("log %+v", log)
	}

	var item struct {
		Id            string `json:"id"`
		Status        string `json:"status"`
		Attempts      int    `json:"attempts"`
		RoundAttempts int    `json:"roundAttempts"`
		MaxAttempts   int    `json:"maxAttempts"`
	}
	cl.Post(t, "/api/system/outbox/"+id+"/redeliver", nil).Expect(t, 200).Decode(t, &item)
	if item.Id != id || item.Status != "pending" || item.Attempts != 8 || item.RoundAttempts != 0 || item.MaxAttempts != 8 {
		t.Fatalf("redeliver answered %+v", item)
	}
	outbox.RunOnce(context.Background())
	if r := settled(t, id, 9); r.Status != outbox.StatusDelivered || r.RoundAttempts != 1 {
		t.Fatalf("after redelivery: %+v", r)
	}
	hits := sub.of(id)
	if len(hits) != 9 || hits[8].Attempt != 9 {
		t.Fatalf("hits %d, last %+v", len(hits), hits[len(hits)-1])
	}
	for i, h := range hits {
		if h.Attempt != i+1 {
			t.Fatalf("hit %d carries attempt %d", i, h.Attempt)
		}
		verify(t, h, id, "card.disabled")
	}

	// A delivered event can be sent again too.
	cl.Post(t, "/api/system/outbox/"+id+"/redeliver", nil).Expect(t, 200)
	outbox.RunOnce(context.Background())
	if r := settled(t, id, 10); r.Status != outbox.StatusDelivered {
		t.Fatalf("second redelivery: %+v", r)
	}
	cl.Post(t, "/api/system/outbox/evt_nope/redeliver", nil).Expect(t, 404)
	cl.Get(t, "/api/system/outbox/evt_nope/deliveries").Expect(t, 404)
}
