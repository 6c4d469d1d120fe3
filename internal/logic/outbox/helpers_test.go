package outbox_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/dao"
	"kami/internal/logic/outbox"
	"kami/internal/model"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/internal/testkit"
)

// hit is one request the subscriber received.
type hit struct {
	Path, Event, Delivery, Signature, ContentType string
	Attempt                                       int
	Body                                          []byte
}

// subscriber is a webhook receiver on 127.0.0.1 whose answer depends on the path:
// /ok 200; /fail 500 with a long body; /flaky/N 503 for the first N hits of an event, then 200;
// /hang waits until the sender gives up; /hangup closes the connection without answering;
// /redirect 302 to /ok; /hold waits until release is closed.
type subscriber struct {
	srv      *httptest.Server
	held     chan struct{}
	released sync.Once
	mu       sync.Mutex
	hits     []hit
}

func newSubscriber(t *testing.T) *subscriber {
	t.Helper()
	s := &subscriber{held: make(chan struct{})}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(func() {
		s.release()
		s.srv.Close()
	})
	return s
}

// release lets every held request (and every later one) of /hold answer 200.
func (s *subscriber) release() { s.released.Do(func() { close(s.held) }) }

func (s *subscriber) url(path string) string { return s.srv.URL + path }

func (s *subscriber) serve(w http.ResponseWriter, r *http.Request) {
	body := make([]byte, 0, 512)
	buf := make([]byte, 512)
	for {
		n, err := r.Body.Read(buf)
		body = append(body, buf[:n]...)
		if err != nil {
			break
		}
	}
	attempt, _ := strconv.Atoi(r.Header.Get(outbox.HeaderAttempt))
	h := hit{
		Path: r.URL.Path, Event: r.Header.Get(outbox.HeaderEvent), Delivery: r.Header.Get(outbox.HeaderDelivery),
		Signature: r.Header.Get(outbox.HeaderSignature), ContentType: r.Header.Get("Content-Type"), Attempt: attempt, Body: body,
	}
	s.mu.Lock()
	s.hits = append(s.hits, h)
	seen := 0
	for _, o := range s.hits {
		if o.Delivery == h.Delivery {
			seen++
		}
	}
	s.mu.Unlock()
	switch {
	case r.URL.Path == "/ok":
		_, _ = w.Write([]byte(`{"received":true}`))
	case r.URL.Path == "/fail":
		w.WriteHeader(http.StatusInternalServerError)
		_, _ = w.Write([]byte(strings.Repeat("e", 3000)))
	case strings.HasPrefix(r.URL.Path, "/flaky/"):
		n, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/flaky/"))
		if seen <= n {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	case r.URL.Path == "/hang":
		<-r.Context().Done()
	case r.URL.Path == "/hangup":
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			_ = conn.Close()
		}
	case r.URL.Path == "/redirect":
		http.Redirect(w, r, "/ok", http.StatusFound)
	case r.URL.Path == "/hold":
		select {
		case <-s.held:
		case <-r.Context().Done():
		}
	default:
		w.WriteHeader(http.StatusNotFound)
	}
}

// of returns the hits of one event, in arrival order.
func (s *subscriber) of(id string) []hit {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []hit
	for _, h := range s.hits {
		if h.Delivery == id {
			out = append(out, h)
		}
	}
	return out
}

func (s *subscriber) all() []hit {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.hits)
}

// verify checks one hit is signed and shaped as openapi.md's webhooks.
func verify(t *testing.T, h hit, id, typ string) {
	t.Helper()
	if h.Delivery != id || h.Event != typ || h.ContentType != "application/json" {
		t.Fatalf("headers: delivery %q event %q content type %q", h.Delivery, h.Event, h.ContentType)
	}
	ts, mac, ok := strings.Cut(h.Signature, ",v1=")
	ts, tsOK := strings.CutPrefix(ts, "t=")
	if !ok || !tsOK {
		t.Fatalf("signature header %q", h.Signature)
	}
	if _, err := strconv.ParseInt(ts, 10, 64); err != nil {
		t.Fatalf("signature time %q", ts)
	}
	m := hmac.New(sha256.New, []byte(testSecret))
	m.Write([]byte(ts + "." + string(h.Body)))
	if want := hex.EncodeToString(m.Sum(nil)); mac != want {
		t.Fatalf("signature v1=%s, want %s over %q", mac, want, h.Body)
	}
	var b map[string]json.RawMessage
	if err := json.Unmarshal(h.Body, &b); err != nil {
		t.Fatalf("body %q: %v", h.Body, err)
	}
	keys := make([]string, 0, len(b))
	for k := range b {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if strings.Join(keys, ",") != "createdAt,data,id,type" {
		t.Fatalf("body keys %v", keys)
	}
	var created string
	_ = json.Unmarshal(b["createdAt"], &created)
	if _, err := time.Parse(time.RFC3339, created); err != nil || string(b["id"]) != strconv.Quote(id) || string(b["type"]) != strconv.Quote(typ) {
		t.Fatalf("body %s", h.Body)
	}
}

// allowLocal lets deliveries reach the subscriber on 127.0.0.1 for the rest of the test
// (the default refuses private addresses), plus any other settings given.
func allowLocal(t *testing.T, extra map[string]any) {
	t.Helper()
	values := map[string]any{outbox.SettingAllowPrivate: true}
	for k, v := range extra {
		values[k] = v
	}
	setSettings(t, values)
}

// setSettings writes settings through the API and puts them back to their defaults when the
// test ends.
func setSettings(t *testing.T, values map[string]any) {
	t.Helper()
	cl := testkit.Current().Admin(t)
	cl.Put(t, "/api/system/settings", map[string]any{"values": values}).Expect(t, 200)
	t.Cleanup(func() {
		reset := map[string]any{}
		for k := range values {
			reset[k] = nil
		}
		cl.Put(t, "/api/system/settings", map[string]any{"values": reset}).Expect(t, 200)
	})
}

// emit writes one event of the test topic to url (its ref) and makes sure it stops being
// attempted when the test ends, so no test's leftovers reach another's subscriber.
func emit(t *testing.T, url, typ string, data any) string {
	t.Helper()
	id, err := service.Outbox().Emit(context.Background(), model.OutboxEvent{Topic: testTopic, Type: typ, Ref: url, Data: data})
	if err != nil {
		t.Fatal(err)
	}
	retire(t, id)
	return id
}

func retire(t *testing.T, ids ...string) {
	t.Cleanup(func() {
		cols := dao.OutboxEvents.Columns()
		_, _ = dao.OutboxEvents.Ctx(context.Background()).WhereIn(cols.EventId, ids).Where(cols.Status, outbox.StatusPending).
			Data(g.Map{cols.Status: outbox.StatusFailed}).Update()
	})
}

func event(t *testing.T, id string) entity.OutboxEvents {
	t.Helper()
	var r entity.OutboxEvents
	if err := dao.OutboxEvents.Ctx(context.Background()).Where(dao.OutboxEvents.Columns().EventId, id).Scan(&r); err != nil {
		t.Fatalf("event %s: %v", id, err)
	}
	return r
}

// waitFor polls cond until it holds; it fails the test after 30 s.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting: %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// settled waits until the event has made n attempts and none is in flight.
func settled(t *testing.T, id string, n int) entity.OutboxEvents {
	t.Helper()
	var r entity.OutboxEvents
	waitFor(t, id+" to finish attempt "+strconv.Itoa(n), func() bool {
		r = event(t, id)
		return r.Attempts >= n && r.LeaseOwner == ""
	})
	if r.Attempts != n {
		t.Fatalf("%s made %d attempts, want %d", id, r.Attempts, n)
	}
	return r
}

// clock is a settable time for this node's outbox.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func fakeClock(t *testing.T, start time.Time) *clock {
	c := &clock{now: start.UTC().Truncate(time.Second)}
	outbox.SetClock(t, c.Now)
	return c
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) Set(t time.Time) {
	c.mu.Lock()
	c.now = t
	c.mu.Unlock()
}

type delivery struct {
	Attempt      int    `json:"attempt"`
	Node         string `json:"node"`
	Url          string `json:"url"`
	Status       string `json:"status"`
	StatusCode   int    `json:"statusCode"`
	ResponseBody string `json:"responseBody"`
	Error        string `json:"error"`
}

// deliveries reads an event's attempt log through the admin API, newest first.
func deliveries(t *testing.T, cl *testkit.Client, id string) []delivery {
	t.Helper()
	var res struct {
		Items []delivery `json:"items"`
		Total int        `json:"total"`
	}
	cl.Get(t, "/api/system/outbox/"+id+"/deliveries?pageSize=100").Expect(t, 200).Decode(t, &res)
	if res.Total != len(res.Items) {
		t.Fatalf("deliveries total %d, items %d", res.Total, len(res.Items))
	}
	return res.Items
}
