package relay_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"kami/internal/adapter/openaicompat"
	"kami/internal/logic/relay"
	"kami/internal/service"
	"kami/internal/testkit"
)

// A browser's preflight to /v1 is answered 204 with CORS headers and needs no token; real
// answers carry Access-Control-Allow-Origin and expose the request id (relay.md §1 CORS).
func TestRelayCORS(t *testing.T) {
	fake := fakeUpstream(t)
	m := testkit.UniqueName("gpt-cors-")
	seedPrice(t, m, "1", "1")
	seedChannel(t, "cors-"+m, fake.URL(), 0, 1, []string{m}, "sk-corsKeycorsKey01")
	service.Relay().Invalidate(context.Background())
	a := newAgent(t, 1_000_000, 0)

	req, _ := http.NewRequest(http.MethodOptions, testkit.Current().BaseURL+"/v1/chat/completions", nil)
	req.Header.Set("Origin", "https://chat.example.com")
	req.Header.Set("Access-Control-Request-Method", "POST")
	req.Header.Set("Access-Control-Request-Headers", "authorization, content-type, x-stainless-os")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	h := resp.Header
	if resp.StatusCode != http.StatusNoContent || h.Get("Access-Control-Allow-Origin") != "*" ||
		!strings.Contains(h.Get("Access-Control-Allow-Methods"), "POST") ||
		h.Get("Access-Control-Allow-Headers") != "authorization, content-type, x-stainless-os" {
		t.Fatalf("preflight: %d %v", resp.StatusCode, h)
	}

	resp = postV1(t, a.Key, chatBody(m, "hi", false), false)
	_, _ = io.Copy(io.Discard, resp.Body)
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Access-Control-Allow-Origin") != "*" ||
		!strings.Contains(resp.Header.Get("Access-Control-Expose-Headers"), "X-Request-Id") {
		t.Fatalf("answer: %d %v", resp.StatusCode, resp.Header)
	}
	if n := len(fake.Requests()); n != 1 {
		t.Fatalf("upstream saw %d requests, want 1 (the preflight is not relayed)", n)
	}
}

// panicking is an upstream adapter that panics: a relay fault after the reservation opened.
type panicking struct{ openaicompat.Upstream }

func (panicking) Chat(context.Context, openaicompat.Target, []byte) (*openaicompat.Response, error) {
	panic("upstream adapter fault")
}

// A fault inside the handler is answered as OpenAI's 500 internal_error (not gf's text page),
// and the request's reservation is released at once: nothing charged, nothing frozen.
func TestRelayFaultIsOpenAI500(t *testing.T) {
	fake := fakeUpstream(t)
	m := testkit.UniqueName("gpt-fault-")
	seedPrice(t, m, "1", "1")
	seedChannel(t, "fault-"+m, fake.URL(), 0, 1, []string{m}, "sk-faultKeyfaultKey1")
	service.Relay().Invalidate(context.Background())
	a := newAgent(t, 1_000_000, 0)
	t.Cleanup(relay.SetUpstreamForTest(panicking{}))

	resp := postV1(t, a.Key, chatBody(m, "hi", false), false)
	raw, _ := io.ReadAll(resp.Body)
	rid := resp.Header.Get("X-Request-Id")
	var body map[string]map[string]any
	if err := json.Unmarshal(raw, &body); err != nil {
		t.Fatalf("body %q: %v", raw, err)
	}
	e := body["error"]
	if resp.StatusCode != http.StatusInternalServerError || len(rid) != 32 || len(e) != 4 ||
		e["code"] != "internal_error" || e["type"] != "server_error" || e["param"] != nil ||
		e["message"] != "An internal error occurred. (request id: "+rid+")" ||
		resp.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("answer %d %v %s", resp.StatusCode, resp.Header, raw)
	}
	row := logRow(t, a.TokenID)
	if row.RequestId != rid || row.SettleState != "released" || row.Quota != 0 || row.ErrorCode != "internal_error" {
		t.Fatalf("row %+v", row)
	}
	if b := balance(t, a.UserID); b.Available != 1_000_000 || b.Frozen != 0 {
		t.Fatalf("balance %+v", b)
	}
	audit(t, a.UserID)
}
