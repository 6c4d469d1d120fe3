package relay_test

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"kami/internal/adapter/openaicompat"
	"kami/internal/config"
	"kami/internal/dao"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/internal/testkit"
)

// postV1 sends body to /v1/chat/completions with the key; chunked sends it without a length.
func postV1(t *testing.T, key, body string, chunked bool) *http.Response {
	t.Helper()
	var rd io.Reader = strings.NewReader(body)
	if chunked {
		rd = io.MultiReader(strings.NewReader(body)) // not a *strings.Reader: no Content-Length
	}
	req, _ := http.NewRequest(http.MethodPost, testkit.Current().BaseURL+"/v1/chat/completions", rd)
	req.Header.Set("Authorization", "Bearer "+key)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

func chatBody(model, content string, stream bool) string {
	b, _ := json.Marshal(map[string]any{"model": model, "stream": stream,
		"messages": []map[string]any{{"role": "user", "content": content}}})
	return string(b)
}

func relayRows(t *testing.T, tokenID int64) []entity.RelayLogs {
	t.Helper()
	var rows []entity.RelayLogs
	if err := dao.RelayLogs.Ctx(context.Background()).Where("token_id", tokenID).OrderAsc("id").Scan(&rows); err != nil {
		t.Fatal(err)
	}
	return rows
}

// kami.relay.maxBodyBytes: a body above it is refused 413 request_too_large in OpenAI's shape,
// declared or chunked, before any upstream call or log row; one below passes, and the default
// (20 MiB) takes bodies far above the admin API's 1 MB.
func TestBodyCap(t *testing.T) {
	fake := fakeUpstream(t)
	m := testkit.UniqueName("gpt-cap-")
	seedPrice(t, m, "1", "1")
	seedChannel(t, "cap-"+m, fake.URL(), 0, 1, []string{m}, "sk-capKeycapKey0001")
	service.Relay().Invalidate(context.Background()) // rows seeded behind the snapshot's back
	a := newAgent(t, 10_000_000, 0)

	big := chatBody(m, strings.Repeat("a", 1_500_000), false)
	if resp := postV1(t, a.Key, big, false); resp.StatusCode != 200 {
		b, _ := io.ReadAll(resp.Body)
		t.Fatalf("1.5 MB body under the default cap: %d %s", resp.StatusCode, b)
	}
	testkit.SetConfig(t, func(c *config.Config) { c.Relay.MaxBodyBytes = 4096 })
	before := len(fake.Requests())
	for _, chunked := range []bool{false, true} {
		resp := postV1(t, a.Key, chatBody(m, strings.Repeat("b", 5000), false), chunked)
		var e struct {
			Error struct {
				Message string  `json:"message"`
				Type    string  `json:"type"`
				Param   *string `json:"param"`
				Code    string  `json:"code"`
			} `json:"error"`
		}
		if err := json.NewDecoder(resp.Body).Decode(&e); err != nil || resp.StatusCode != 413 ||
			e.Error.Code != "request_too_large" || e.Error.Type != "invalid_request_error" ||
			!strings.Contains(e.Error.Message, "(request id: "+resp.Header.Get("X-Request-Id")+")") ||
			!strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
			t.Fatalf("chunked %v: %d %+v %v", chunked, resp.StatusCode, e, err)
		}
	}
	if n := len(fake.Requests()); n != before {
		t.Fatalf("the upstream was called for a refused body")
	}
	if rows := relayRows(t, a.TokenID); len(rows) != 1 {
		t.Fatalf("log rows %d: a refused body must not be logged", len(rows))
	}
	if resp := postV1(t, a.Key, chatBody(m, "small", false), false); resp.StatusCode != 200 {
		t.Fatalf("a body under the lowered cap: %d", resp.StatusCode)
	}
	waitSettled(t, a.UserID)
	audit(t, a.UserID)
}

// readSSE reads a stream's data payloads (with bufio.Reader: a test must not have the 64 KiB
// limit it checks the relay for).
func readSSE(t *testing.T, resp *http.Response) []string {
	t.Helper()
	rd := bufio.NewReader(resp.Body)
	var out []string
	for {
		line, err := rd.ReadString('\n')
		if p, ok := strings.CutPrefix(strings.TrimRight(line, "\n"), "data: "); ok {
			out = append(out, p)
		}
		if err != nil {
			return out
		}
	}
}

// kami.relay.maxSSELineBytes: a 2 MiB upstream line passes whole under the default 4 MiB
// (no bufio.Scanner limit); above a lowered cap the committed stream ends with a
// stream_interrupted error event and no [DONE], billed as a failure after commit (tiktoken's
// local prompt + the delivered text); the same line as the first event is a failure before commit:
// 502, nothing billed.
func TestSSELineCap(t *testing.T) {
	fake := fakeUpstream(t)
	m := testkit.UniqueName("gpt-sse-")
	seedPrice(t, m, "1", "1")
	seedChannel(t, "sse-"+m, fake.URL(), 0, 1, []string{m}, "sk-sseKeysseKey0001")
	service.Relay().Invalidate(context.Background())
	a := newAgent(t, 10_000_000, 0)
	const long = 2 << 20
	body := chatBody(m, "hi", true)

	fake.Push(openaicompat.Behaviour{Chunks: 4, LongLine: long, LongLineAt: 2})
	events := readSSE(t, postV1(t, a.Key, body, false))
	if len(events) < 4 || events[len(events)-1] != "[DONE]" || !strings.Contains(events[2], strings.Repeat("x", long)) {
		t.Fatalf("2 MiB line under the default cap: %d events, last %.80q", len(events), events[len(events)-1])
	}

	testkit.SetConfig(t, func(c *config.Config) { c.Relay.MaxSSELineBytes = 1 << 20 })
	fake.Push(openaicompat.Behaviour{Chunks: 4, LongLine: long, LongLineAt: 2})
	events = readSSE(t, postV1(t, a.Key, body, false))
	last := events[len(events)-1]
	if len(events) != 3 || !strings.Contains(last, `"code":"stream_interrupted"`) || strings.Contains(strings.Join(events, ""), "[DONE]") {
		t.Fatalf("line above the cap: %q", events)
	}
	waitSettled(t, a.UserID)
	rows := relayRows(t, a.TokenID)
	r := rows[len(rows)-1]
	wantP, wantQ := userPrompt(t, "o200k_base", "hi"), tokensOf(t, "o200k_base", "tok0 tok1 ")
	if r.Status != "upstream_error" || r.ErrorCode != "stream_interrupted" || r.SettleState != "committed" ||
		r.UsageSource != "local" || r.PromptTokens != wantP || r.CompletionTokens != wantQ || r.Quota != wantP+wantQ {
		t.Fatalf("row after the cut: %+v (want P %d Q %d)", r, wantP, wantQ)
	}

	fake.Push(openaicompat.Behaviour{Chunks: 4, LongLine: long, LongLineAt: 0})
	resp := postV1(t, a.Key, body, false)
	if resp.StatusCode != 502 {
		t.Fatalf("a too long first event: %d", resp.StatusCode)
	}
	rows = relayRows(t, a.TokenID)
	if r = rows[len(rows)-1]; r.Quota != 0 || r.SettleState != "released" {
		t.Fatalf("row of the refused stream: %+v", r)
	}
	audit(t, a.UserID)
}
