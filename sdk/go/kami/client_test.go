package kami

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"testing"
	"time"
)

// TestRequestSigning checks what the server receives against the contract, recomputed here by
// hand rather than with CanonicalRequest.
func TestRequestSigning(t *testing.T) {
	f := newFake(t)
	f.AddCard("AAAA-BBBB", 1, time.Hour)
	now := time.Unix(time.Now().Unix(), 0)
	c := clientOf(f, WithClock(func() time.Time { return now }), WithNonce(fixedNonces()))
	if _, err := c.Verify(ctxT(t), "AAAA-BBBB", "dev-1", "2.0.1"); err != nil {
		t.Fatal(err)
	}
	if err := c.Do(ctxT(t), "get", PathQuery, url.Values{"z": {"a b"}, "a": {"+"}}, nil, nil); !IsCode(err, CodeBadRequest) {
		t.Fatalf("GET with a query: %v, want the fake's BAD_REQUEST (no body)", err)
	}
	reqs := f.Requests()
	if len(reqs) != 2 {
		t.Fatalf("the fake saw %d requests, want 2", len(reqs))
	}
	tests := []struct {
		name                   string
		method, path, rawQuery string
		nonce, body            string
		contentType            string
	}{
		{"verify", "POST", PathVerify, "", "n-0000000000000001", `{"card":"AAAA-BBBB","device":"dev-1","version":"2.0.1"}`, "application/json"},
		{"get with query", "GET", PathQuery, "a=%2B&z=a%20b", "n-0000000000000002", "", ""},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := reqs[i]
			if r.Method != tt.method || r.Path != tt.path || r.RawQuery != tt.rawQuery || string(r.Body) != tt.body {
				t.Fatalf("got %s %s?%s %s", r.Method, r.Path, r.RawQuery, r.Body)
			}
			ts := strconv.FormatInt(now.Unix(), 10)
			for h, want := range map[string]string{HeaderAppKey: f.AppKey, HeaderTimestamp: ts, HeaderNonce: tt.nonce, "Content-Type": tt.contentType} {
				if got := r.Header.Get(h); got != want {
					t.Errorf("%s = %q, want %q", h, got, want)
				}
			}
			sum := sha256.Sum256([]byte(tt.body))
			canonical := "KAMI-HMAC-SHA256\n" + tt.method + "\n" + tt.path + "\n" + tt.rawQuery + "\n" + f.AppKey + "\n" +
				ts + "\n" + tt.nonce + "\n" + hex.EncodeToString(sum[:])
			if got := CanonicalRequest(tt.method, tt.path, mustQuery(t, tt.rawQuery), f.AppKey, now.Unix(), tt.nonce, r.Body); got != canonical {
				t.Errorf("CanonicalRequest =\n%s\nwant\n%s", got, canonical)
			}
			mac := hmac.New(sha256.New, f.Secret)
			mac.Write([]byte(canonical))
			if got, want := r.Header.Get(HeaderSignature), hex.EncodeToString(mac.Sum(nil)); got != want {
				t.Errorf("%s = %s, want %s", HeaderSignature, got, want)
			}
		})
	}
}

func mustQuery(t *testing.T, raw string) url.Values {
	q, err := url.ParseQuery(raw)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

func TestVerifyFlow(t *testing.T) {
	f := newFake(t)
	f.AddCard("ONE1-DEVI-CE00", 1, 30*24*time.Hour)
	f.AddCard("TWO2-DEVI-CE00", 2, 0)
	c := clientOf(f)
	tests := []struct {
		card, device string
		valid        bool
		result       string
		activated    bool
		bound        int
	}{
		{"one1-devi-ce00", "pc-a", true, ResultValid, true, 1}, // first call activates, key normalized by the server
		{" ONE1DEVICE00 ", "pc-a", true, ResultValid, false, 1},
		{"ONE1-DEVI-CE00", "pc-b", false, ResultDeviceMismatch, false, 1},
		{"TWO2-DEVI-CE00", "pc-a", true, ResultValid, true, 1},
		{"TWO2-DEVI-CE00", "pc-b", true, ResultValid, false, 2},
		{"TWO2-DEVI-CE00", "pc-c", false, ResultTooManyDevices, false, 2},
		{"NOPE-NOPE-NOPE", "pc-a", false, ResultNotFound, false, -1},
	}
	for _, tt := range tests {
		res, err := c.Verify(ctxT(t), tt.card, tt.device, "")
		if err != nil {
			t.Fatalf("%s/%s: %v", tt.card, tt.device, err)
		}
		if res.Valid != tt.valid || res.Result != tt.result || res.Activated != tt.activated {
			t.Fatalf("%s/%s: got valid=%v result=%s activated=%v", tt.card, tt.device, res.Valid, res.Result, res.Activated)
		}
		if res.ServerTime.IsZero() || !ValidNonce(res.Nonce) {
			t.Fatalf("serverTime %v, nonce %q", res.ServerTime, res.Nonce)
		}
		if tt.bound < 0 {
			if res.Card != nil {
				t.Fatalf("NOT_FOUND with a card: %+v", res.Card)
			}
			continue
		}
		if res.Card == nil || res.Card.BoundDevices != tt.bound || res.Card.Status != StatusActive || res.Card.ActivatedAt == nil {
			t.Fatalf("%s/%s: card %+v", tt.card, tt.device, res.Card)
		}
	}
	one, _ := c.Query(ctxT(t), "ONE1-DEVI-CE00")
	if one.Card.ExpiresAt == nil || one.Card.RemainingSeconds == nil || *one.Card.RemainingSeconds <= 0 {
		t.Fatalf("a 30-day card: %+v", one.Card)
	}
	two, _ := c.Query(ctxT(t), "TWO2-DEVI-CE00")
	if two.Card.ExpiresAt != nil || two.Card.RemainingSeconds != nil {
		t.Fatalf("a permanent card: %+v", two.Card)
	}
}

func TestQueryAndUnbind(t *testing.T) {
	f := newFake(t)
	f.AddCard("CARD-0001", 2, time.Hour)
	c := clientOf(f)
	q, err := c.Query(ctxT(t), "CARD-0001")
	if err != nil || !q.Found || q.Card.Status != StatusUnused || q.Card.CreatedAt == nil || q.Card.Plan == nil ||
		q.Card.Plan.DurationSeconds != 3600 || q.Card.MaxDevices != 2 {
		t.Fatalf("query: %+v %v", q, err)
	}
	if q, err = c.Query(ctxT(t), "CARD-9999"); err != nil || q.Found || q.Card != nil {
		t.Fatalf("query of an unknown card: %+v %v", q, err)
	}
	for _, d := range []string{"a", "b"} {
		if _, err := c.Verify(ctxT(t), "CARD-0001", d, ""); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		card, device, result string
		bound                int
		retryAfter           int64
	}{
		{"CARD-0001", "zzz", UnbindNotBound, 2, 0},
		{"CARD-0001", "a", UnbindUnbound, 1, 0},
		{"CARD-0001", "", UnbindLimitReached, 1, 3600},
		{"CARD-9999", "", UnbindNotFound, 0, 0},
	}
	for _, tt := range tests {
		u, err := c.Unbind(ctxT(t), tt.card, tt.device)
		if err != nil || u.Result != tt.result || u.BoundDevices != tt.bound || u.RetryAfter != tt.retryAfter {
			t.Fatalf("unbind %s %q: %+v %v", tt.card, tt.device, u, err)
		}
	}
	// The device field is left out, not sent empty, when every device is released.
	reqs := f.Requests()
	var body map[string]any
	if err := json.Unmarshal(reqs[len(reqs)-1].Body, &body); err != nil || len(body) != 1 {
		t.Fatalf("unbind-all body %s", reqs[len(reqs)-1].Body)
	}
}

func TestDoRawBodyAndOut(t *testing.T) {
	f := newFake(t)
	f.AddCard("RAW0-0001", 1, 0)
	c := clientOf(f)
	var out map[string]any
	if err := c.Do(ctxT(t), http.MethodPost, PathQuery, nil, json.RawMessage(`{"card":"RAW0-0001"}`), &out); err != nil {
		t.Fatal(err)
	}
	if out["found"] != true {
		t.Fatalf("data %v", out)
	}
	if got := string(f.Requests()[0].Body); got != `{"card":"RAW0-0001"}` {
		t.Fatalf("raw body sent as %s", got)
	}
	if err := c.Do(ctxT(t), http.MethodPost, "openapi/v1/cards/query", nil, nil, nil); err == nil {
		t.Fatal("a path without a leading / was sent")
	}
	bad := clientOf(f, WithNonce(func() string { return "short" }))
	if _, err := bad.Query(ctxT(t), "RAW0-0001"); err == nil || len(f.Requests()) != 1 {
		t.Fatalf("an invalid nonce: %v, requests %d", err, len(f.Requests()))
	}
}
