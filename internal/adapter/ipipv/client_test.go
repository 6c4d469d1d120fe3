package ipipv

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

const testKey, testSecret = "app-1", "qwertyuiop123456"

func noSleep(context.Context, time.Duration) error { return nil }

func newTestClient(url string, br *Breaker) *Client {
	c := New(Config{BaseURL: url, AppKey: testKey, AppSecret: testSecret}, br)
	c.Sleep = noSleep
	return c
}

func TestEnvelopeAndInfo(t *testing.T) {
	f := NewFake(testKey, testSecret)
	defer f.Close()
	c := newTestClient(f.URL(), nil)
	info, err := c.Info(context.Background())
	if err != nil || info.AppName != "fake" || info.Coin != "1000000.00" {
		t.Fatalf("info = %+v, %v", info, err)
	}
	calls := f.Calls()
	if len(calls) != 1 || calls[0].Params != nil || len(calls[0].ReqID) != 32 {
		t.Fatalf("info must be sent without params and with a 32-hex reqId: %+v", calls)
	}
	ps, err := c.Products(context.Background(), "")
	if err != nil || len(ps) != 5 {
		t.Fatalf("products = %d, %v", len(ps), err)
	}
	var sent map[string]any
	_ = json.Unmarshal(f.Calls()[1].Params, &sent)
	if types, _ := sent["proxyType"].([]any); len(types) != 5 {
		t.Fatalf("product/query must ask for all five proxy types: %v", sent)
	}
}

// rawServer answers every call with fn's answer (or status), to test the decoding rules.
func rawServer(t *testing.T, status int, fn func(env envelope) any) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var env envelope
		_ = json.NewDecoder(r.Body).Decode(&env)
		if ct := r.Header.Get("Content-Type"); ct != "application/json" || env.Version != "v2" || env.Encrypt != "AES" || env.AppKey != testKey {
			t.Errorf("bad envelope %+v content-type %q", env, ct)
		}
		w.WriteHeader(status)
		if status == 200 {
			_ = json.NewEncoder(w).Encode(fn(env))
		}
	}))
}

func enc(t *testing.T, v any) json.RawMessage {
	plain, _ := json.Marshal(v)
	s, err := Encrypt([]byte(testSecret), plain)
	if err != nil {
		t.Fatal(err)
	}
	out, _ := json.Marshal(s)
	return out
}

func TestAnswerRules(t *testing.T) {
	cases := []struct {
		name   string
		status int
		answer func(t *testing.T) any
		kind   Kind
		ip     string
	}{
		{"plain data", 200, func(t *testing.T) any { return answer{Code: 200, Data: enc(t, map[string]string{"ip": "1.2.3.4"})} }, 0, "1.2.3.4"},
		{"nested once, encrypted", 200, func(t *testing.T) any {
			return answer{Code: 200, Data: enc(t, map[string]any{"code": 200, "msg": "", "data": enc(t, map[string]string{"ip": "5.6.7.8"})})}
		}, 0, "5.6.7.8"},
		{"nested once, plain", 200, func(t *testing.T) any {
			return answer{Code: 200, Data: enc(t, map[string]any{"code": 200, "msg": "", "data": map[string]string{"ip": "9.9.9.9"}})}
		}, 0, "9.9.9.9"},
		{"nested business error", 200, func(t *testing.T) any {
			return answer{Code: 200, Data: enc(t, map[string]any{"code": 500, "msg": "库存不足", "data": nil})}
		}, Rejected, ""},
		{"empty data", 200, func(t *testing.T) any { return answer{Code: 200} }, 0, ""},
		{"business code", 200, func(t *testing.T) any { return answer{Code: 500, Msg: "库存不足"} }, Rejected, ""},
		{"undecryptable", 200, func(t *testing.T) any { return answer{Code: 200, Data: json.RawMessage(`"AAAA"`)} }, NoAnswer, ""},
		{"http 502", 502, nil, NoAnswer, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := rawServer(t, tc.status, func(envelope) any { return tc.answer(t) })
			defer srv.Close()
			var out struct{ IP string }
			err := newTestClient(srv.URL, nil).Call(context.Background(), Return, "/x", NewReqID(), map[string]int{"a": 1}, &out)
			if KindOf(err) != tc.kind || out.IP != tc.ip {
				t.Fatalf("err %v (kind %d), ip %q; want kind %d ip %q", err, KindOf(err), out.IP, tc.kind, tc.ip)
			}
			if tc.kind == Rejected && err.(*Error).Msg != "库存不足" {
				t.Fatalf("rejection must carry the upstream msg: %v", err)
			}
		})
	}
}

func TestRetriesPerClass(t *testing.T) {
	cases := []struct {
		class Class
		fault Fault
		sends int
		kind  Kind
	}{
		{Read, HTTP502(), 2, 0},              // first 502, the retry succeeds
		{Read, Code(500, "no"), 1, Rejected}, // a business code is never retried
		{OrderWrite, HTTP502(), 1, NoAnswer}, // sent: never retried inline
		{OrderWrite, ApplyThenDrop(), 1, NoAnswer},
		{OrderWrite, DropBeforeApply(), 1, NoAnswer},
		{Return, HTTP502(), 1, NoAnswer},
		{Draw, HTTP502(), 2, 0},
	}
	for _, tc := range cases {
		f := NewFake(testKey, testSecret)
		f.Fault(PathInfo, tc.fault)
		err := newTestClient(f.URL(), nil).Call(context.Background(), tc.class, PathInfo, "r1", nil, nil)
		calls := f.Calls()
		f.Close()
		if KindOf(err) != tc.kind || len(calls) != tc.sends {
			t.Errorf("class %d fault %s: err %v, %d sends; want kind %d, %d sends", tc.class, tc.fault.kind, err, len(calls), tc.kind, tc.sends)
		}
		for _, c := range calls {
			if c.ReqID != "r1" {
				t.Errorf("a retry must keep the reqId, got %q", c.ReqID)
			}
		}
	}
}

func TestOrderDedupeAndOutcomes(t *testing.T) {
	f := NewFake(testKey, testSecret)
	defer f.Close()
	c := newTestClient(f.URL(), nil)
	ctx := context.Background()
	before := f.Coin()
	no := NewAppOrderNo(time.Now())
	if len(no) != 22 || no[:2] != "PX" {
		t.Fatalf("appOrderNo %q", no)
	}
	body, _ := json.Marshal(OpenRequest{AppOrderNo: no, Params: []OpenItem{{ProductNo: "ST101", Count: 5, CycleTimes: 2}}})
	f.Script(no, Partial(3))
	f.Fault(PathOpen, ApplyThenDrop())
	if _, err := c.SendOrder(ctx, PathOpen, "req-A", no, body); KindOf(err) != NoAnswer {
		t.Fatalf("applyThenDrop must be NoAnswer, got %v", err)
	}
	ack, err := c.SendOrder(ctx, PathOpen, "req-A", no, body) // the reconcile's re-send
	if err != nil || ack.Amount != "100.00" {
		t.Fatalf("re-send = %+v, %v", ack, err)
	}
	if len(f.OrdersFor(no)) != 1 || before-f.Coin() != 10000 {
		t.Fatalf("one upstream order, one coin drop: orders %d, drop %d", len(f.OrdersFor(no)), before-f.Coin())
	}
	o, _ := c.QueryOrder(ctx, no)
	if o.Status != OrderProcessing {
		t.Fatalf("status before Advance = %d", o.Status)
	}
	f.Advance()
	o, _ = c.QueryOrder(ctx, no)
	if o.Status != OrderPartial || len(o.Instances) != 3 || before-f.Coin() != 6000 {
		t.Fatalf("partial: %+v, drop %d", o, before-f.Coin())
	}
	if _, err := c.QueryOrder(ctx, "PXnope"); KindOf(err) != Rejected {
		t.Fatalf("an unknown order is a business answer, got %v", err)
	}
	// Dynamic: cost × GB, base 1000 for 105.
	no2 := NewAppOrderNo(time.Now())
	body2, _ := json.Marshal(OpenRequest{AppOrderNo: no2, Params: []OpenItem{{ProductNo: "DYN105", Count: 1, CycleTimes: 1, AppUsername: "kami_1", Flow: GBToMB(2, 1000)}}})
	if ack, err := c.SendOrder(ctx, PathOpen, NewReqID(), no2, body2); err != nil || ack.Amount != "8.00" {
		t.Fatalf("dynamic = %+v, %v", ack, err)
	}
}

func TestWrongKeyAndSecret(t *testing.T) {
	f := NewFake(testKey, testSecret)
	defer f.Close()
	bad := New(Config{BaseURL: f.URL(), AppKey: "other", AppSecret: testSecret}, nil)
	if _, err := bad.Info(context.Background()); KindOf(err) != Rejected || err.(*Error).Code != 401 {
		t.Fatalf("unknown appKey → 401, got %v", err)
	}
	bad = New(Config{BaseURL: f.URL(), AppKey: testKey, AppSecret: "zzzzzzzzzzzzzzzz"}, nil)
	if _, err := bad.Products(context.Background(), ""); KindOf(err) != Rejected || err.(*Error).Code != 400 {
		t.Fatalf("undecryptable params → 400, got %v", err)
	}
}

type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *fakeClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func TestBreaker(t *testing.T) {
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	dead := "http://" + l.Addr().String()
	l.Close() // nothing listens: every attempt is a dial failure (never sent)
	clk := &fakeClock{t: time.Unix(1_700_000_000, 0)}
	br := NewBreaker(clk.Now)
	c := newTestClient(dead, br)
	ctx := context.Background()
	for i := 0; i < 5; i++ {
		if err := c.Call(ctx, Return, PathInfo, "r", nil, nil); KindOf(err) != NotSent {
			t.Fatalf("attempt %d: want NotSent, got %v", i, err)
		}
	}
	if !br.Open() {
		t.Fatal("5 transport failures must open the breaker")
	}
	if err := c.Call(ctx, Read, PathInfo, "r", nil, nil); KindOf(err) != BreakerOpen {
		t.Fatalf("open breaker: got %v", err)
	}
	clk.Add(30 * time.Second)
	f := NewFake(testKey, testSecret)
	defer f.Close()
	if _, err := newTestClient(f.URL(), br).Info(ctx); err != nil {
		t.Fatalf("the probe after 30 s must go through: %v", err)
	}
	if br.Open() {
		t.Fatal("a successful probe closes the breaker")
	}
}
