package relay_test

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/openai/openai-go/v3"

	"kami/internal/adapter/openaicompat"
	"kami/internal/dao"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/internal/testkit"
)

// Streaming through the official SDK and raw HTTP: chunks unchanged, usage on request, [DONE]
// once on a normal end, an error event (no [DONE]) on a mid-stream failure, and each outcome
// settled as relay.md §3 says.
func TestStreaming(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name         string
		b            openaicompat.Behaviour
		includeUsage bool
		text         string
		wantErr      bool
		status       string
		quota        int64 // with upstream usage; a local case bills tiktoken's P + Q (MR 1, CR 1)
		source       string
	}{
		// 5 chunks "tokN " + usage {10, 5}: MR 1 → 15.
		{name: "normal end with usage", b: openaicompat.Behaviour{Chunks: 5}, includeUsage: true,
			text: "tok0 tok1 tok2 tok3 tok4 ", status: "success", quota: 15, source: "upstream"},
		{name: "normal end, usage not asked", b: openaicompat.Behaviour{Chunks: 5},
			text: "tok0 tok1 tok2 tok3 tok4 ", status: "success", quota: 15, source: "upstream"},
		// No usage: the local prompt of the one "hi" message and the tokens of the delivered text.
		{name: "no usage: local", b: openaicompat.Behaviour{Chunks: 5, NoUsage: true},
			text: "tok0 tok1 tok2 tok3 tok4 ", status: "success", source: "local"},
		// Error event after 5 chunks: billed on what was delivered (the error's text is not) + the
		// local prompt.
		{name: "error event after 5", b: openaicompat.Behaviour{Chunks: 20, ErrorAfter: 5}, wantErr: true,
			text: "tok0 tok1 tok2 tok3 tok4 ", status: "upstream_error", source: "local"},
		{name: "upstream drop after 5", b: openaicompat.Behaviour{Chunks: 20, DropAfter: 5}, wantErr: true,
			text: "tok0 tok1 tok2 tok3 tok4 ", status: "upstream_error", source: "local"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fake := fakeUpstream(t)
			fake.SetDefault(c.b)
			m := testkit.UniqueName("gpt")
			seedPrice(t, m, "1", "1")
			seedChannel(t, "c", fake.URL(), 0, 1, []string{m}, "sk-k")
			service.Relay().Invalidate(ctx)
			a := newAgent(t, 100000, 0)
			cl := sdk(a.Key)
			p := chatParams(m)
			if c.includeUsage {
				p.StreamOptions = openai.ChatCompletionStreamOptionsParam{IncludeUsage: openai.Bool(true)}
			}
			stream := cl.Chat.Completions.NewStreaming(ctx, p)
			acc := openai.ChatCompletionAccumulator{}
			for stream.Next() {
				acc.AddChunk(stream.Current())
			}
			if (stream.Err() != nil) != c.wantErr {
				t.Fatalf("stream.Err() = %v", stream.Err())
			}
			if len(acc.Choices) == 0 || acc.Choices[0].Message.Content != c.text {
				t.Fatalf("accumulated %+v", acc.Choices)
			}
			if c.includeUsage && acc.Usage.PromptTokens != 10 {
				t.Fatalf("usage %+v", acc.Usage)
			}
			if !c.includeUsage && acc.Usage.PromptTokens != 0 {
				t.Fatalf("usage chunk sent unasked: %+v", acc.Usage)
			}
			if !strings.Contains(string(fake.Requests()[0].Body), `"include_usage":true`) ||
				fake.Requests()[0].Accept != "text/event-stream" {
				t.Fatalf("upstream request %s", fake.Requests()[0].Body)
			}
			waitSettled(t, a.UserID)
			row := logRow(t, a.TokenID)
			if c.source == "local" {
				wantP, wantQ := userPrompt(t, "o200k_base", "hi"), tokensOf(t, "o200k_base", c.text)
				if row.PromptTokens != wantP || row.CompletionTokens != wantQ {
					t.Fatalf("local P %d Q %d, want tiktoken's %d %d", row.PromptTokens, row.CompletionTokens, wantP, wantQ)
				}
				c.quota = wantP + wantQ
			}
			if row.Status != c.status || row.Quota != c.quota || row.UsageSource != c.source || row.IsStream != 1 {
				t.Fatalf("row status %s quota %d source %s, want quota %d", row.Status, row.Quota, row.UsageSource, c.quota)
			}
			audit(t, a.UserID)
		})
	}
}

// Raw HTTP for what the SDK hides: headers, [DONE] exactly once; and a client that goes away
// after 5 of 20 chunks cancels the upstream and is billed on what it received.
func TestStreamingRawAndClientAbort(t *testing.T) {
	ctx := context.Background()
	fake := fakeUpstream(t)
	m := testkit.UniqueName("gpt")
	seedPrice(t, m, "1", "1")
	seedChannel(t, "c", fake.URL(), 0, 1, []string{m}, "sk-k")
	service.Relay().Invalidate(ctx)
	a := newAgent(t, 100000, 0)
	body := `{"model":"` + m + `","stream":true,"messages":[{"role":"user","content":"hi"}]}`
	post := func(ctx context.Context) *http.Response {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, testkit.Current().BaseURL+"/v1/chat/completions", strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+a.Key)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		return resp
	}
	resp := post(ctx)
	var lines []string
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	resp.Body.Close()
	h := resp.Header
	if h.Get("Content-Type") != "text/event-stream" || h.Get("Cache-Control") != "no-cache" ||
		h.Get("X-Accel-Buffering") != "no" || len(h.Get("X-Request-Id")) != 32 {
		t.Fatalf("headers %v", h)
	}
	if n := strings.Count(strings.Join(lines, "\n"), "data: [DONE]"); n != 1 || lines[len(lines)-2] != "data: [DONE]" {
		t.Fatalf("[DONE] %d times in %q", n, lines)
	}

	fake.SetDefault(openaicompat.Behaviour{Chunks: 20, Gap: 20 * time.Millisecond})
	cctx, cancel := context.WithCancel(ctx)
	resp = post(cctx)
	rd := bufio.NewReader(resp.Body)
	for got := 0; got < 5; {
		line, err := rd.ReadString('\n')
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(line, "data: ") {
			got++
		}
	}
	cancel()
	resp.Body.Close()
	deadline := time.Now().Add(5 * time.Second)
	for {
		rec := fake.Requests()
		if rec[len(rec)-1].Cancelled {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the upstream request was not cancelled")
		}
		time.Sleep(10 * time.Millisecond)
	}
	waitSettled(t, a.UserID)
	var rows []entity.RelayLogs
	if err := dao.RelayLogs.Ctx(ctx).Where("token_id", a.TokenID).OrderDesc("id").Scan(&rows); err != nil || len(rows) != 2 {
		t.Fatalf("rows %d %v", len(rows), err)
	}
	// At least the 5 chunks the client read were delivered: the local prompt + tiktoken's count
	// of the first k ≥ 5 chunks' text.
	r := rows[0]
	if r.Status != "client_aborted" || r.UsageSource != "local" || r.SettleState != "committed" ||
		r.PromptTokens != userPrompt(t, "o200k_base", "hi") || r.Quota != r.PromptTokens+r.CompletionTokens {
		t.Fatalf("aborted row %+v", r)
	}
	delivered, matched := "", false
	for k := 0; k < 20 && !matched; k++ {
		delivered += fmt.Sprintf("tok%d ", k)
		matched = k >= 4 && r.CompletionTokens == tokensOf(t, "o200k_base", delivered)
	}
	if !matched {
		t.Fatalf("aborted row: completion %d is no count of the first 5..20 chunks", r.CompletionTokens)
	}
	audit(t, a.UserID)
}

// waitSettled waits until no relay row of the user is pending (settlement follows the
// client's departure asynchronously).
func waitSettled(t *testing.T, userID int64) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		if n, _ := countPending(userID); n == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("a relay row stayed pending")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// A failure before the first event (a 500, or a stream that ends before any) is retried on the
// next channel invisibly: the client sees one clean stream, one reservation, attempts 3.
func TestStreamingRetryBeforeCommit(t *testing.T) {
	ctx := context.Background()
	top, mid, low := fakeUpstream(t), fakeUpstream(t), fakeUpstream(t)
	top.SetDefault(openaicompat.Behaviour{Status: 500})
	mid.SetDefault(openaicompat.Behaviour{Body: "data: [DONE]\n\n"}) // 2xx with no event
	low.SetDefault(openaicompat.Behaviour{Chunks: 3})
	m := testkit.UniqueName("gpt")
	seedPrice(t, m, "1", "1")
	seedChannel(t, "top", top.URL(), 20, 1, []string{m}, "sk-a")
	seedChannel(t, "mid", mid.URL(), 10, 1, []string{m}, "sk-b")
	seedChannel(t, "low", low.URL(), 0, 1, []string{m}, "sk-c")
	service.Relay().Invalidate(ctx)
	a := newAgent(t, 100000, 0)
	cl := sdk(a.Key)
	stream := cl.Chat.Completions.NewStreaming(ctx, chatParams(m))
	acc := openai.ChatCompletionAccumulator{}
	for stream.Next() {
		acc.AddChunk(stream.Current())
	}
	if stream.Err() != nil || acc.Choices[0].Message.Content != "tok0 tok1 tok2 " {
		t.Fatalf("stream %v %+v", stream.Err(), acc.Choices)
	}
	waitSettled(t, a.UserID)
	row := logRow(t, a.TokenID)
	if row.Attempts != 3 || row.Status != "success" || row.Quota != 13 { // usage {10, 3}
		t.Fatalf("row attempts %d status %s quota %d", row.Attempts, row.Status, row.Quota)
	}
	if n, _ := dao.QuotaReservations.Ctx(ctx).Where("ref", "relay:"+row.RequestId).Count(); n != 1 {
		t.Fatalf("reservations = %d", n)
	}
	audit(t, a.UserID)
}
