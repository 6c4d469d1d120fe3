package relay_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/clock"
	"kami/internal/config"
	"kami/internal/dao"
	"kami/internal/model"
	"kami/internal/service"
	"kami/internal/testkit"
)

// adClientRID is what every request of these tests sends as its own X-Request-Id: the relay
// must ignore it (relay.md §2: the id comes from crypto/rand, never from the client).
const adClientRID = "0123456789abcdef0123456789abcdef"

var adRIDShape = regexp.MustCompile(`^[0-9a-f]{32}$`)

// adRequest is one raw /v1 call: auth is the whole Authorization header ("" = none); base is
// the server's (default this binary's).
type adRequest struct {
	base, method, path, auth, body string
	header                         map[string]string
}

func adDo(t *testing.T, q adRequest) (*http.Response, []byte) {
	t.Helper()
	if q.method == "" {
		q.method = http.MethodPost
	}
	if q.path == "" {
		q.path = "/v1/chat/completions"
	}
	if q.base == "" {
		q.base = testkit.Current().BaseURL
	}
	var body io.Reader
	if q.body != "" {
		body = strings.NewReader(q.body)
	}
	req, err := http.NewRequest(q.method, q.base+q.path, body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("X-Request-Id", adClientRID)
	if q.body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if q.auth != "" {
		req.Header.Set("Authorization", q.auth)
	}
	for k, v := range q.header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, raw
}

// adError checks the OpenAI error shape of relay.md §2 exactly: status, application/json, a
// fresh 32-hex X-Request-Id, {"error":{message,type,param,code}} and nothing else, the message
// ending in " (request id: <rid>)". It answers the message without that suffix.
func adError(t *testing.T, resp *http.Response, raw []byte, status int, typ, code string, param any) string {
	t.Helper()
	if resp.StatusCode != status {
		t.Fatalf("status %d, want %d: %s", resp.StatusCode, status, raw)
	}
	if mt, _, err := mime.ParseMediaType(resp.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		t.Fatalf("Content-Type %q", resp.Header.Get("Content-Type"))
	}
	rid := resp.Header.Get("X-Request-Id")
	if !adRIDShape.MatchString(rid) || rid == adClientRID {
		t.Fatalf("X-Request-Id %q: want 32 lowercase hex of the relay's own", rid)
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(raw, &top); err != nil || len(top) != 1 || top["error"] == nil {
		t.Fatalf("body %s: want exactly {\"error\":{...}} (%v)", raw, err)
	}
	var e map[string]any
	if err := json.Unmarshal(top["error"], &e); err != nil {
		t.Fatal(err)
	}
	keys := make([]string, 0, len(e))
	for k := range e {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if strings.Join(keys, ",") != "code,message,param,type" {
		t.Fatalf("error keys %v: %s", keys, raw)
	}
	if e["type"] != typ || e["code"] != code || e["param"] != param {
		t.Fatalf("type %v code %v param %#v, want %s %s %#v: %s", e["type"], e["code"], e["param"], typ, code, param, raw)
	}
	msg, _ := e["message"].(string)
	text, ok := strings.CutSuffix(msg, " (request id: "+rid+")")
	if !ok {
		t.Fatalf("message %q does not end with the request id %s", msg, rid)
	}
	return text
}

// adLedger is what a refusal must leave untouched: the user's entries and balance.
type adLedger struct {
	entries int
	bal     model.QuotaBalance
}

func adLedgerOf(t *testing.T, userID int64) adLedger {
	t.Helper()
	n, err := dao.QuotaEntries.Ctx(context.Background()).Where("user_id", userID).Count()
	if err != nil {
		t.Fatal(err)
	}
	return adLedger{entries: n, bal: balance(t, userID)}
}

func adSet(t *testing.T, tokenID int64, col string, v any) {
	t.Helper()
	if _, err := dao.RelayTokens.Ctx(context.Background()).WherePri(tokenID).Data(col, v).Update(); err != nil {
		t.Fatal(err)
	}
}

// adDropSnapshotAfter drops this node's relay caches when the test ends: a test that seeds no
// channel still builds the snapshot, and later tests that seed rows straight into the database
// without an invalidation (caps_test.go) would route on it.
func adDropSnapshotAfter(t *testing.T) {
	t.Cleanup(func() { service.Relay().Invalidate(context.Background()) })
}

func adChat(m string) string {
	return `{"model":"` + m + `","messages":[{"role":"user","content":"hi"}]}`
}

// Every admission refusal of relay.md §2 over raw HTTP: exact status, body and headers; no
// upstream call, no relay_logs row, the ledger untouched.
func TestAdmissionCodesRaw(t *testing.T) {
	ctx := context.Background()
	admin := testkit.Current().Admin(t)
	fake := fakeUpstream(t)
	m, off, other, unpub := testkit.UniqueName("gpt-ad-"), testkit.UniqueName("gpt-adoff-"),
		testkit.UniqueName("gpt-adgrp-"), testkit.UniqueName("gpt-adunpub-")
	for _, x := range []string{m, off, other, unpub} {
		seedPrice(t, x, "1", "1")
	}
	seedChannel(t, "ad", fake.URL(), 0, 1, []string{m, unpub}, "sk-adKeyadKeyadKey01")
	offID := seedChannel(t, "ad-off", fake.URL(), 0, 1, []string{off}, "sk-adKeyadKeyadKey02")
	grpID := seedChannel(t, "ad-grp", fake.URL(), 0, 1, []string{other}, "sk-adKeyadKeyadKey03")
	if _, err := dao.RelayChannels.Ctx(ctx).WherePri(offID).Data("status", 0).Update(); err != nil {
		t.Fatal(err)
	}
	if _, err := dao.RelayChannels.Ctx(ctx).WherePri(grpID).
		Data("group_codes", `["`+testkit.UniqueName("adgrp")+`"]`).Update(); err != nil {
		t.Fatal(err)
	}
	// Priced, served to the default group, but the price is switched off: model_not_found too.
	if _, err := dao.RelayPrices.Ctx(ctx).Where("model", unpub).Data("enabled", 0).Update(); err != nil {
		t.Fatal(err)
	}
	service.Relay().Invalidate(ctx)

	rich, poor, limited := newAgent(t, 100000, 0), newAgent(t, 0, 0), newAgent(t, 100000, 5)
	off1, expired, userOff := newAgent(t, 100000, 0), newAgent(t, 100000, 0), newAgent(t, 100000, 0)
	walled, picky, throttled := newAgent(t, 100000, 0), newAgent(t, 100000, 0), newAgent(t, 100000, 0)
	// Changed before the first lookup, so no cache holds the earlier row.
	adSet(t, off1.TokenID, "status", 0)
	adSet(t, expired.TokenID, "expires_at", gtime.NewFromTime(time.Now().Add(-time.Minute)))
	adSet(t, walled.TokenID, "allowed_ips", `["10.9.8.7"]`)
	adSet(t, picky.TokenID, "allowed_models", `["`+other+`"]`)
	adSet(t, throttled.TokenID, "rpm_limit", 1)
	// The owner is disabled through the user module (its UserChanged hook), after its state
	// was cached by a first call.
	if resp, raw := adDo(t, adRequest{method: http.MethodGet, path: "/v1/models", auth: "Bearer " + userOff.Key}); resp.StatusCode != 200 {
		t.Fatalf("models before the user is disabled: %d %s", resp.StatusCode, raw)
	}
	admin.Put(t, fmt.Sprintf("/api/system/user/%d/status", userOff.UserID), map[string]any{"status": 0}).Expect(t, 200)
	// The first request of the minute passes the rate limit, and is refused after it.
	if resp, raw := adDo(t, adRequest{auth: "Bearer " + throttled.Key, body: adChat("nope-" + m)}); resp.StatusCode != 404 {
		t.Fatalf("first request of the throttled token: %d %s", resp.StatusCode, raw)
	}
	all := []agent{rich, poor, limited, off1, expired, userOff, walled, picky, throttled}
	before := map[int64]adLedger{}
	for _, a := range all {
		before[a.UserID] = adLedgerOf(t, a.UserID)
	}

	const bad = "Incorrect API key provided."
	b := func(a agent) string { return "Bearer " + a.Key }
	emb := "/v1/embeddings"
	cases := []struct {
		name           string
		q              adRequest
		status         int
		typ, code, msg string
		param          any
	}{
		{"header missing", adRequest{body: adChat(m)}, 401, "invalid_request_error", "invalid_api_key", bad, nil},
		{"basic scheme", adRequest{auth: "Basic " + rich.Key, body: adChat(m)}, 401, "invalid_request_error", "invalid_api_key", bad, nil},
		{"bearer without key", adRequest{auth: "Bearer ", body: adChat(m)}, 401, "invalid_request_error", "invalid_api_key", bad, nil},
		{"short key", adRequest{auth: "Bearer sk-short", body: adChat(m)}, 401, "invalid_request_error", "invalid_api_key", bad, nil},
		{"foreign character", adRequest{auth: "Bearer " + rich.Key[:50] + "!", body: adChat(m)}, 401, "invalid_request_error", "invalid_api_key", bad, nil},
		{"unknown key", adRequest{auth: "Bearer sk-" + strings.Repeat("Z", 48), body: adChat(m)}, 401, "invalid_request_error", "invalid_api_key", bad, nil},
		{"token disabled", adRequest{auth: b(off1), body: adChat(m)}, 401, "invalid_request_error", "token_disabled", "This API key is disabled.", nil},
		{"token disabled before bad json", adRequest{auth: b(off1), body: "{"}, 401, "invalid_request_error", "token_disabled", "This API key is disabled.", nil},
		{"token expired", adRequest{auth: b(expired), body: adChat(m)}, 401, "invalid_request_error", "token_expired", "This API key has expired.", nil},
		{"user disabled", adRequest{auth: b(userOff), body: adChat(m)}, 403, "permission_error", "user_disabled", "The account of this API key is disabled.", nil},
		{"ip not allowed", adRequest{auth: b(walled), body: adChat(m)}, 403, "permission_error", "ip_not_allowed", "Requests from this IP address are not allowed for this API key.", nil},
		{"ip before bad json", adRequest{auth: b(walled), body: "{"}, 403, "permission_error", "ip_not_allowed", "Requests from this IP address are not allowed for this API key.", nil},
		{"rate limited", adRequest{auth: b(throttled), body: adChat(m)}, 429, "rate_limit_error", "rate_limit_exceeded", "Rate limit reached for this API key.", nil},
		{"truncated json", adRequest{auth: b(rich), body: `{"model":"` + m + `",`}, 400, "invalid_request_error", "invalid_json", "The request body is not valid JSON.", nil},
		{"json null", adRequest{auth: b(rich), body: "null"}, 400, "invalid_request_error", "invalid_json", "The request body is not valid JSON.", nil},
		{"json array", adRequest{auth: b(rich), body: "[1]"}, 400, "invalid_request_error", "invalid_json", "The request body is not valid JSON.", nil},
		{"model missing", adRequest{auth: b(rich), body: `{"messages":[{"role":"user","content":"hi"}]}`}, 400, "invalid_request_error", "missing_required_parameter", "you must provide a model parameter", "model"},
		{"model empty", adRequest{auth: b(rich), body: adChat("")}, 400, "invalid_request_error", "missing_required_parameter", "you must provide a model parameter", "model"},
		{"messages empty", adRequest{auth: b(rich), body: `{"model":"` + m + `","messages":[]}`}, 400, "invalid_request_error", "missing_required_parameter", "Missing required parameter: 'messages'.", "messages"},
		{"messages absent", adRequest{auth: b(rich), body: `{"model":"` + m + `"}`}, 400, "invalid_request_error", "missing_required_parameter", "Missing required parameter: 'messages'.", "messages"},
		{"input empty string", adRequest{path: emb, auth: b(rich), body: `{"model":"` + m + `","input":""}`}, 400, "invalid_request_error", "missing_required_parameter", "Missing required parameter: 'input'.", "input"},
		{"input empty list", adRequest{path: emb, auth: b(rich), body: `{"model":"` + m + `","input":[]}`}, 400, "invalid_request_error", "missing_required_parameter", "Missing required parameter: 'input'.", "input"},
		{"model not allowed", adRequest{auth: b(picky), body: adChat(m)}, 403, "permission_error", "model_not_allowed", "This API key may not use the model " + m + ".", nil},
		{"unpriced model", adRequest{auth: b(rich), body: adChat("nope-" + m)}, 404, "invalid_request_error", "model_not_found", "The model nope-" + m + " does not exist or you do not have access to it.", nil},
		{"price disabled", adRequest{auth: b(rich), body: adChat(unpub)}, 404, "invalid_request_error", "model_not_found", "The model " + unpub + " does not exist or you do not have access to it.", nil},
		{"other group's model", adRequest{auth: b(rich), body: adChat(other)}, 404, "invalid_request_error", "model_not_found", "The model " + other + " does not exist or you do not have access to it.", nil},
		{"all channels disabled", adRequest{auth: b(rich), body: adChat(off)}, 503, "server_error", "no_available_channel", "No available channel for the model " + off + ".", nil},
		{"token quota", adRequest{auth: b(limited), body: adChat(m)}, 403, "insufficient_quota", "token_quota_exhausted", "The quota of this API key is exhausted.", nil},
		{"user quota", adRequest{auth: b(poor), body: adChat(m)}, 403, "insufficient_quota", "insufficient_user_quota", "The account's quota is insufficient.", nil},
		{"models, token disabled", adRequest{method: http.MethodGet, path: "/v1/models", auth: b(off1)}, 401, "invalid_request_error", "token_disabled", "This API key is disabled.", nil},
		{"model, token disabled", adRequest{method: http.MethodGet, path: "/v1/models/" + m, auth: b(off1)}, 401, "invalid_request_error", "token_disabled", "This API key is disabled.", nil},
		{"models, user disabled", adRequest{method: http.MethodGet, path: "/v1/models", auth: b(userOff)}, 403, "permission_error", "user_disabled", "The account of this API key is disabled.", nil},
	}
	seen := map[string]bool{}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, raw := adDo(t, c.q)
			if got := adError(t, resp, raw, c.status, c.typ, c.code, c.param); got != c.msg {
				t.Fatalf("message %q, want %q", got, c.msg)
			}
			rid := resp.Header.Get("X-Request-Id")
			if seen[rid] {
				t.Fatalf("request id %s answered twice", rid)
			}
			seen[rid] = true
			if c.code == "rate_limit_exceeded" {
				if ra, err := strconv.Atoi(resp.Header.Get("Retry-After")); err != nil || ra < 1 || ra > 60 {
					t.Fatalf("Retry-After %q: want whole seconds in 1..60", resp.Header.Get("Retry-After"))
				}
			} else if ra := resp.Header.Get("Retry-After"); ra != "" {
				t.Fatalf("Retry-After %q on %s", ra, c.code)
			}
			if n := len(fake.Requests()); n != 0 {
				t.Fatalf("the upstream received %d requests", n)
			}
		})
	}
	for _, a := range all {
		if n, err := dao.RelayLogs.Ctx(ctx).Where("token_id", a.TokenID).Count(); err != nil || n != 0 {
			t.Fatalf("token %d: %d relay_logs rows after refusals (%v)", a.TokenID, n, err)
		}
		if got := adLedgerOf(t, a.UserID); got != before[a.UserID] {
			t.Fatalf("user %d ledger moved: %+v -> %+v", a.UserID, before[a.UserID], got)
		}
		audit(t, a.UserID)
	}
	// The setup serves: the same call with an unobstructed token is answered (and settled), so
	// the refusals above came from their admission steps, not from a broken channel.
	if resp, raw := adDo(t, adRequest{auth: b(rich), body: adChat(m)}); resp.StatusCode != 200 {
		t.Fatalf("rich agent on %s: %d %s", m, resp.StatusCode, raw)
	}
	waitSettled(t, rich.UserID)
	audit(t, rich.UserID)
}

// Accept-Language picks the message language (relay.md §2): zh-CN preferred → a Chinese text
// in place of the English one; type, code and param never change; English otherwise.
func TestAdmissionMessageLanguage(t *testing.T) {
	fake := fakeUpstream(t)
	m := testkit.UniqueName("gpt-adzh-")
	seedPrice(t, m, "1", "1")
	seedChannel(t, "adzh", fake.URL(), 0, 1, []string{m}, "sk-adKeyadKeyadKey04")
	service.Relay().Invalidate(context.Background())
	a := newAgent(t, 100000, 0)
	han := func(s string) bool {
		return strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) })
	}
	cases := []struct {
		name, lang     string
		q              adRequest
		status         int
		typ, code, eng string
		param          any
	}{
		{"unknown key", "zh-CN,zh;q=0.9,en;q=0.8", adRequest{auth: "Bearer sk-" + strings.Repeat("Y", 48), body: adChat(m)},
			401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided.", nil},
		{"missing model", "zh-CN", adRequest{auth: "Bearer " + a.Key, body: `{"messages":[{"role":"user","content":"hi"}]}`},
			400, "invalid_request_error", "missing_required_parameter", "you must provide a model parameter", "model"},
		{"unknown model", "zh-CN", adRequest{auth: "Bearer " + a.Key, body: adChat("nope-" + m)},
			404, "invalid_request_error", "model_not_found", "The model nope-" + m + " does not exist or you do not have access to it.", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.q.header = map[string]string{"Accept-Language": "en-US,en;q=0.9,zh-CN;q=0.5"}
			resp, raw := adDo(t, c.q)
			if got := adError(t, resp, raw, c.status, c.typ, c.code, c.param); got != c.eng {
				t.Fatalf("English-preferred message %q, want %q", got, c.eng)
			}
			c.q.header = map[string]string{"Accept-Language": c.lang}
			resp, raw = adDo(t, c.q)
			if got := adError(t, resp, raw, c.status, c.typ, c.code, c.param); got == c.eng || !han(got) {
				t.Fatalf("Accept-Language %q: message %q, want a Chinese text", c.lang, got)
			}
		})
	}
	if n := len(fake.Requests()); n != 0 {
		t.Fatalf("the upstream received %d requests", n)
	}
	audit(t, a.UserID)
}

// allowedIps holds IPs and CIDRs (the admin API accepts both), matched against the client IP
// under KAMI_TRUSTED_PROXIES (the test server trusts 127.0.0.1): a forwarded address counts
// only from a trusted peer, walking X-Forwarded-For from the right. GET /v1/models runs these
// steps and nothing billable.
func TestAdmissionClientIP(t *testing.T) {
	adDropSnapshotAfter(t)
	models := func(t *testing.T, a agent, xff string) (*http.Response, []byte) {
		q := adRequest{method: http.MethodGet, path: "/v1/models", auth: "Bearer " + a.Key}
		if xff != "" {
			q.header = map[string]string{"X-Forwarded-For": xff}
		}
		return adDo(t, q)
	}
	pass := func(t *testing.T, a agent, xff string) {
		t.Helper()
		if resp, raw := models(t, a, xff); resp.StatusCode != 200 {
			t.Fatalf("X-Forwarded-For %q: %d %s, want 200", xff, resp.StatusCode, raw)
		}
	}
	refuse := func(t *testing.T, a agent, xff string) {
		t.Helper()
		resp, raw := models(t, a, xff)
		if got := adError(t, resp, raw, 403, "permission_error", "ip_not_allowed", nil); got != "Requests from this IP address are not allowed for this API key." {
			t.Fatalf("message %q", got)
		}
	}
	loop, single, wide := newAgent(t, 0, 0), newAgent(t, 0, 0), newAgent(t, 0, 0)
	adSet(t, loop.TokenID, "allowed_ips", `["127.0.0.0/8"]`)
	adSet(t, single.TokenID, "allowed_ips", `["203.0.113.7"]`)
	adSet(t, wide.TokenID, "allowed_ips", `["203.0.113.0/24"]`)

	t.Run("cidr containing 127.0.0.1", func(t *testing.T) { pass(t, loop, "") })
	t.Run("cidr of a forwarded client", func(t *testing.T) { pass(t, wide, "203.0.113.9") })
	t.Run("forwarded by the trusted peer", func(t *testing.T) {
		pass(t, single, "203.0.113.7")
		refuse(t, single, "198.51.100.1")
	})
	t.Run("spoofed leftmost hop", func(t *testing.T) {
		// The client wrote 203.0.113.7 itself; the trusted proxy appended what it saw.
		refuse(t, single, "203.0.113.7, 198.51.100.1")
	})
	t.Run("no trusted proxy", func(t *testing.T) {
		testkit.SetConfig(t, func(c *config.Config) { c.TrustedProxies = nil })
		refuse(t, single, "203.0.113.7")
		pass(t, loop, "203.0.113.7")
	})
}

// Expiry is measured on the server's clock, not the caller's nor the wall clock: a token
// valid for another hour is refused once the relay's clock is two hours ahead.
func TestAdmissionExpiryOnServerClock(t *testing.T) {
	adDropSnapshotAfter(t)
	a := newAgent(t, 0, 0)
	adSet(t, a.TokenID, "expires_at", gtime.NewFromTime(time.Now().Add(time.Hour)))
	q := adRequest{method: http.MethodGet, path: "/v1/models", auth: "Bearer " + a.Key}
	if resp, raw := adDo(t, q); resp.StatusCode != 200 {
		t.Fatalf("a token valid for an hour: %d %s", resp.StatusCode, raw)
	}
	service.Relay().SetClock(clock.NewFake(time.Now().Add(2 * time.Hour)))
	t.Cleanup(func() { service.Relay().SetClock(clock.System) })
	resp, raw := adDo(t, q)
	if got := adError(t, resp, raw, 401, "invalid_request_error", "token_expired", nil); got != "This API key has expired." {
		t.Fatalf("message %q", got)
	}
}
