package relay_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/packages/ssestream"

	"kami/internal/adapter/openaicompat"
	"kami/internal/dao"
	"kami/internal/service"
	"kami/internal/testkit"
)

// waitFor polls cond until it holds or the deadline passes.
func waitFor(t *testing.T, what string, d time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// Once the first byte reached the client (relay.md §2 commit point, §4 "never after the commit
// point"), a drop or an error event is not retried on the next channel: attempts 1, status
// upstream_error, billed as "client gone after ≥ 1" (§3) on the delivered chunks.
func TestNoRetryAfterFirstByte(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name string
		b    openaicompat.Behaviour
	}{
		{name: "drop after 5", b: openaicompat.Behaviour{Chunks: 20, DropAfter: 5}},
		{name: "error event after 5", b: openaicompat.Behaviour{Chunks: 20, ErrorAfter: 5}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			top, low := fakeUpstream(t), fakeUpstream(t)
			top.SetDefault(c.b)
			low.SetDefault(openaicompat.Behaviour{Chunks: 3})
			m := testkit.UniqueName("gpt")
			seedPrice(t, m, "1", "1")
			// Priority tiers are tried in descending order (pick): top is always first.
			topID := seedChannel(t, "top", top.URL(), 20, 1, []string{m}, "sk-a")
			seedChannel(t, "low", low.URL(), 0, 1, []string{m}, "sk-b")
			service.Relay().Invalidate(ctx)
			a := newAgent(t, 100000, 0)

			// Raw HTTP, read to the server's end: a client that hangs up at the error event
			// (as the SDK does) would mask a retry, which needs the client still connected.
			body := `{"model":"` + m + `","stream":true,"messages":[{"role":"user","content":"hi"}]}`
			req, _ := http.NewRequestWithContext(ctx, http.MethodPost, testkit.Current().BaseURL+"/v1/chat/completions",
				strings.NewReader(body))
			req.Header.Set("Authorization", "Bearer "+a.Key)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			raw, _ := io.ReadAll(resp.Body) // the connection may end abruptly; what arrived counts
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d: %s", resp.StatusCode, raw)
			}
			const delivered = "tok0 tok1 tok2 tok3 tok4 "
			var text strings.Builder
			var events []string
			for _, line := range strings.Split(string(raw), "\n") {
				if payload, ok := strings.CutPrefix(line, "data: "); ok {
					events = append(events, payload)
					var ch openai.ChatCompletionChunk
					if json.Unmarshal([]byte(payload), &ch) == nil {
						for _, c := range ch.Choices {
							text.WriteString(c.Delta.Content)
						}
					}
				}
			}
			if text.String() != delivered || len(events) != 6 || !strings.HasPrefix(events[5], `{"error":`) {
				t.Fatalf("client received text %q in %d events %q, want the 5 delivered chunks then one error event",
					text.String(), len(events), events)
			}
			waitSettled(t, a.UserID)
			if n := len(low.Requests()); n != 0 {
				t.Fatalf("the second channel received %d requests after the commit point, want 0", n)
			}
			if n := len(top.Requests()); n != 1 {
				t.Fatalf("the first channel received %d requests, want 1", n)
			}
			row := logRow(t, a.TokenID)
			wantP, wantQ := userPrompt(t, "o200k_base", "hi"), tokensOf(t, "o200k_base", delivered)
			if row.Attempts != 1 || row.ChannelId != topID || row.Status != "upstream_error" ||
				row.ErrorCode != "stream_interrupted" || row.IsStream != 1 || row.SettleState != "committed" {
				t.Fatalf("row attempts %d channel %d (want %d) status %s code %s stream %d state %s",
					row.Attempts, row.ChannelId, topID, row.Status, row.ErrorCode, row.IsStream, row.SettleState)
			}
			if row.UsageSource != "local" || row.PromptTokens != wantP || row.CompletionTokens != wantQ ||
				row.Quota != wantP+wantQ {
				t.Fatalf("row source %s P %d Q %d quota %d, want local %d %d %d",
					row.UsageSource, row.PromptTokens, row.CompletionTokens, row.Quota, wantP, wantQ, wantP+wantQ)
			}
			if n, _ := dao.QuotaReservations.Ctx(ctx).Where("ref", "relay:"+row.RequestId).Count(); n != 1 {
				t.Fatalf("reservations = %d, want 1", n)
			}
			if b := balance(t, a.UserID); b.Available != 100000-(row.Quota-row.Uncollected) {
				t.Fatalf("balance %+v after a charge of %d", b, row.Quota-row.Uncollected)
			}
			audit(t, a.UserID)
		})
	}
}

// A client that goes away before the first byte (stream, and non-stream before the answer):
// relay.md §3 "client gone, nothing delivered" — billed 0 (emptyAbortBilling default none),
// reservation released, status client_aborted; the upstream request is cancelled (§2) and no
// other channel is tried.
func TestClientCancelsBeforeFirstChunk(t *testing.T) {
	ctx := context.Background()
	for _, stream := range []bool{true, false} {
		name := "non-stream"
		if stream {
			name = "stream"
		}
		t.Run(name, func(t *testing.T) {
			fake, other := fakeUpstream(t), fakeUpstream(t)
			// Long enough never to answer within the test; cut short when the relay cancels.
			fake.SetDefault(openaicompat.Behaviour{Delay: 30 * time.Second, Chunks: 5})
			m := testkit.UniqueName("gpt")
			seedPrice(t, m, "1", "1")
			seedChannel(t, "slow", fake.URL(), 20, 1, []string{m}, "sk-a")
			seedChannel(t, "other", other.URL(), 0, 1, []string{m}, "sk-b")
			service.Relay().Invalidate(ctx)
			const funds = 100000
			a := newAgent(t, funds, 0)

			body := `{"model":"` + m + `","stream":` + map[bool]string{true: "true", false: "false"}[stream] +
				`,"messages":[{"role":"user","content":"hi"}]}`
			cctx, cancel := context.WithCancel(ctx)
			defer cancel()
			req, _ := http.NewRequestWithContext(cctx, http.MethodPost, testkit.Current().BaseURL+"/v1/chat/completions",
				strings.NewReader(body))
			req.Header.Set("Authorization", "Bearer "+a.Key)
			type result struct {
				body []byte
				err  error
			}
			done := make(chan result, 1)
			go func() {
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					done <- result{err: err}
					return
				}
				b, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				done <- result{body: b, err: err}
			}()
			waitFor(t, "the upstream to receive the request", 5*time.Second, func() bool { return len(fake.Requests()) == 1 })
			// The reservation is held while the upstream is silent.
			if b := balance(t, a.UserID); b.Frozen <= 0 {
				t.Fatalf("nothing frozen while the request is in flight: %+v", b)
			}
			cancel()
			select {
			case r := <-done:
				if len(r.body) > 0 {
					t.Fatalf("the client received %q before the first upstream byte", r.body)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("the client request did not end after cancel")
			}
			waitFor(t, "the upstream request to be cancelled", 2*time.Second, func() bool {
				rec := fake.Requests()
				return len(rec) == 1 && rec[0].Cancelled
			})
			waitSettled(t, a.UserID)
			if n := len(other.Requests()); n != 0 {
				t.Fatalf("another channel was tried after the client left: %d requests", n)
			}
			row := logRow(t, a.TokenID)
			if row.Status != "client_aborted" || row.Quota != 0 || row.Uncollected != 0 || row.PromptTokens != 0 ||
				row.CompletionTokens != 0 || row.SettleState == "pending" || row.Attempts != 1 {
				t.Fatalf("row status %s quota %d uncollected %d P %d Q %d state %s attempts %d",
					row.Status, row.Quota, row.Uncollected, row.PromptTokens, row.CompletionTokens, row.SettleState, row.Attempts)
			}
			if b := balance(t, a.UserID); b.Available != funds || b.Frozen != 0 {
				t.Fatalf("balance %+v, want %d available and nothing frozen", b, funds)
			}
			audit(t, a.UserID)
		})
	}
}

// A committed stream that fails ends with the relay's error event (relay.md §2): the official
// SDK surfaces it as a *ssestream.StreamError whose event carries message, type upstream_error,
// param null and code stream_interrupted.
func TestStreamErrorIsTyped(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name string
		b    openaicompat.Behaviour
	}{
		{name: "upstream error event", b: openaicompat.Behaviour{Chunks: 20, ErrorAfter: 5}},
		{name: "upstream drop", b: openaicompat.Behaviour{Chunks: 20, DropAfter: 5}},
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
			stream := cl.Chat.Completions.NewStreaming(ctx, chatParams(m))
			n := 0
			for stream.Next() {
				n++
			}
			if n != 5 {
				t.Fatalf("chunks before the error = %d, want 5", n)
			}
			var se *ssestream.StreamError
			if !errors.As(stream.Err(), &se) {
				t.Fatalf("stream.Err() = %T %v, want *ssestream.StreamError", stream.Err(), stream.Err())
			}
			var ev struct {
				Error map[string]any `json:"error"`
			}
			if err := json.Unmarshal(se.Event.Data, &ev); err != nil {
				t.Fatalf("error event %q: %v", se.Event.Data, err)
			}
			e := ev.Error
			if e["message"] != "The upstream stream was interrupted." || e["type"] != "upstream_error" ||
				e["code"] != "stream_interrupted" {
				t.Fatalf("error event %s", se.Event.Data)
			}
			if p, ok := e["param"]; !ok || p != nil {
				t.Fatalf("error event param: %s", se.Event.Data)
			}
			if !strings.Contains(se.Error(), "stream_interrupted") || !strings.Contains(se.Error(), "The upstream stream was interrupted.") {
				t.Fatalf("StreamError message %q", se.Error())
			}
			waitSettled(t, a.UserID)
			if row := logRow(t, a.TokenID); row.Status != "upstream_error" || row.ErrorCode != "stream_interrupted" {
				t.Fatalf("row status %s code %s", row.Status, row.ErrorCode)
			}
			audit(t, a.UserID)
		})
	}
}
