package openapi_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"testing"
	"time"

	"kami/internal/service"
	"kami/internal/testkit"
	"kami/internal/timefmt"
	"kami/sdk/go/kami"
)

// receiver is a project's callback endpoint that fails its first failures deliveries.
type receiver struct {
	mu       sync.Mutex
	failures int
	got      []hook
	secret   []byte
}

type hook struct {
	delivery, event, sigErr string
	status                  int
	body                    map[string]any
}

func (rc *receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	h := hook{delivery: r.Header.Get("X-Kami-Delivery"), event: r.Header.Get("X-Kami-Event"), status: http.StatusOK}
	if err := kami.VerifyWebhook(rc.secret, r.Header.Get("X-Kami-Webhook-Signature"), b, time.Now(), 24*time.Hour); err != nil {
		h.sigErr = err.Error()
	}
	_ = json.Unmarshal(b, &h.body)
	rc.mu.Lock()
	if len(rc.got) < rc.failures {
		h.status = http.StatusInternalServerError
	}
	rc.got = append(rc.got, h)
	rc.mu.Unlock()
	w.WriteHeader(h.status)
}

func (rc *receiver) hooks() []hook {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return append([]hook(nil), rc.got...)
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// card.activated is written in the activation's transaction and delivered through the
// outbox: the receiver fails the first three attempts, the node delivering them is killed
// and another started between attempts, and the event still arrives — delivered once,
// signed with the project's webhook secret.
func TestActivationWebhookSurvivesFailuresAndARestart(t *testing.T) {
	freeze(t)
	testkit.SetSettings(t, map[string]any{"outbox.allowPrivateTargets": true})
	// Only the second nodes deliver here, so stopping one stops the deliveries.
	service.Outbox().Stop()
	t.Cleanup(func() {
		if err := service.Outbox().Start(context.Background()); err != nil {
			t.Error(err)
		}
	})
	rc := &receiver{failures: 3}
	srv := httptest.NewServer(rc)
	defer srv.Close()
	admin := testkit.Current().Admin(t)
	p := newProject(t, admin, 3600, 1, map[string]any{"callbackUrl": srv.URL + "/kami",
		"callbackEvents": []string{"card.activated", "card.unbound"}})
	rc.secret = []byte(p.WebhookSecret)
	k := keys(t, admin, p, 1)[0]
	expectResult(t, verify(t, local(p), k, "phone-1"), kami.ResultValid)

	clock := testkit.SharedClock{}
	var ev struct {
		Status        string `json:"status"`
		Attempts      int    `json:"attempts"`
		NextAttemptAt string `json:"nextAttemptAt"`
	}
	event := func() bool {
		var page struct {
			Items []json.RawMessage `json:"items"`
		}
		admin.Get(t, path("/api/system/outbox/list?ref=%d", p.ID)).Expect(t, http.StatusOK).Decode(t, &page)
		return len(page.Items) == 1 && json.Unmarshal(page.Items[0], &ev) == nil
	}
	// An attempt counts once the receiver saw it AND the node recorded its failure, which
	// moves the next attempt past now: moving the clock between the two would schedule the
	// next attempt from the moved time, never due.
	attempts := func(n int) func() bool {
		return func() bool {
			if len(rc.hooks()) < n || !event() || ev.Attempts < n {
				return false
			}
			if ev.Status != "pending" {
				return true // delivered (or failed): nothing is scheduled any more
			}
			next, err := timefmt.Parse(ev.NextAttemptAt)
			return err == nil && next != nil && next.Time.After(clock.Now())
		}
	}
	node := testkit.Current().StartNode(t)
	waitFor(t, "the first attempt", attempts(1))
	clock.Advance(t, 2*time.Minute) // past the first backoff (1 min, ±20%)
	waitFor(t, "the second attempt", attempts(2))
	node.Signal(t, os.Kill)
	_ = node.WaitExit(t, 30*time.Second)
	clock.Advance(t, 10*time.Minute) // past the second backoff (5 min), with no node running
	testkit.Current().StartNode(t)
	waitFor(t, "the third attempt", attempts(3))
	clock.Advance(t, 40*time.Minute) // past the third (30 min)
	waitFor(t, "the fourth attempt", attempts(4))
	clock.Advance(t, 24*time.Hour) // any later attempt would now be due

	waitFor(t, "the event to be settled", func() bool { return event() && ev.Status == "delivered" })
	got := rc.hooks()
	ok := 0
	for i, h := range got {
		if h.delivery != got[0].delivery || h.event != "card.activated" || h.sigErr != "" {
			t.Fatalf("delivery %d: %+v", i, h)
		}
		if h.status == http.StatusOK {
			ok++
		}
	}
	data, _ := got[0].body["data"].(map[string]any)
	if ok != 1 || len(got) != 4 || data["device"] != "phone-1" || data["cardId"] == nil || got[0].body["type"] != "card.activated" {
		t.Fatalf("%d deliveries, %d accepted, body %v", len(got), ok, got[0].body)
	}
}

func httptestServer(t *testing.T, h http.Handler) string {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL
}
