package relay_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"

	"kami/internal/adapter/openaicompat"
	"kami/internal/dao"
	"kami/internal/logic/relay"
	"kami/internal/model/do"
	"kami/internal/service"
	"kami/internal/testkit"
)

// slTimeoutEvent is the event a committed stream ends with at an idle or duration limit
// (relay.md §2): no [DONE] after it.
const slTimeoutEvent = `data: {"error":{"message":"The upstream stream timed out.","type":"upstream_error","param":null,"code":"stream_timeout"}}`

// slSSE is a stream as the client received it.
type slSSE struct {
	status     int
	raw        string
	lines      []string // the non-empty lines, in order
	data       []string // the data payloads
	text       string   // the delta contents, concatenated
	keepAlives int
}

// slPost posts a one-message chat request over raw HTTP and reads the answer to the server's end.
func slPost(t *testing.T, key, model string, stream bool) (slSSE, http.Header) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, testkit.Current().BaseURL+"/v1/chat/completions",
		strings.NewReader(slBody(model, stream)))
	req.Header.Set("Authorization", "Bearer "+key)
	// A deadline far above every limit these tests set: a relay that misses one fails, not hangs.
	resp, err := (&http.Client{Timeout: 30 * time.Second}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("reading the answer: %v (got %s)", err, slShort(string(raw)))
	}
	if resp.Header.Get("Content-Type") != "text/event-stream" {
		return slSSE{status: resp.StatusCode, raw: string(raw)}, resp.Header
	}
	return slParse(t, resp.StatusCode, string(raw)), resp.Header
}

// slParse splits an SSE body and checks its framing: every line (data or comment) is followed by
// one blank line, nothing else.
func slParse(t *testing.T, status int, raw string) slSSE {
	t.Helper()
	s := slSSE{status: status, raw: raw}
	for _, l := range strings.Split(raw, "\n") {
		if l != "" {
			s.lines = append(s.lines, l)
		}
	}
	if raw != strings.Join(s.lines, "\n\n")+"\n\n" {
		t.Fatalf("the stream is not framed as one blank line after each line: %s", slShort(raw))
	}
	var text strings.Builder
	for _, l := range s.lines {
		if l == ": keep-alive" {
			s.keepAlives++
			continue
		}
		payload, ok := strings.CutPrefix(l, "data: ")
		if !ok {
			t.Fatalf("unexpected line %q in %s", l, slShort(raw))
		}
		s.data = append(s.data, payload)
		var ch openai.ChatCompletionChunk
		if json.Unmarshal([]byte(payload), &ch) == nil {
			for _, c := range ch.Choices {
				text.WriteString(c.Delta.Content)
			}
		}
	}
	s.text = text.String()
	return s
}

// slExpectTimedOut checks a stream cut by a limit: content first, then the exact timeout event
// last, no [DONE]; it returns the delivered text.
func slExpectTimedOut(t *testing.T, s slSSE) string {
	t.Helper()
	if s.status != http.StatusOK || len(s.lines) < 2 || !strings.HasPrefix(s.lines[0], "data: ") {
		t.Fatalf("status %d, stream %s", s.status, slShort(s.raw))
	}
	if last := s.lines[len(s.lines)-1]; last != slTimeoutEvent {
		t.Fatalf("last line %q, want %q (stream %s)", last, slTimeoutEvent, slShort(s.raw))
	}
	if strings.Contains(s.raw, "[DONE]") || strings.Count(s.raw, `"error"`) != 1 {
		t.Fatalf("a timed out stream carries [DONE] or several errors: %s", slShort(s.raw))
	}
	if s.text == "" {
		t.Fatalf("no content delivered before the timeout: %s", slShort(s.raw))
	}
	return s.text
}

// slExpectCutRow checks the log row of a stream ended by a limit: status timeout, code
// stream_timeout, billed as a failure after commit on the local counts of what was delivered
// (the upstream's usage comes last, never seen), committed, and the ledger agrees.
func slExpectCutRow(t *testing.T, a agent, chID int64, delivered string) {
	t.Helper()
	waitSettled(t, a.UserID)
	row := logRow(t, a.TokenID)
	wantP, wantQ := userPrompt(t, "o200k_base", "hi"), tokensOf(t, "o200k_base", delivered)
	if row.Status != "timeout" || row.ErrorCode != "stream_timeout" || row.HttpStatus != 200 || row.IsStream != 1 ||
		row.Attempts != 1 || row.ChannelId != chID || row.SettleState != "committed" {
		t.Fatalf("row status %s code %s http %d stream %d attempts %d channel %d (want %d) state %s", row.Status,
			row.ErrorCode, row.HttpStatus, row.IsStream, row.Attempts, row.ChannelId, chID, row.SettleState)
	}
	if row.UsageSource != "local" || row.PromptTokens != wantP || row.CompletionTokens != wantQ || row.Quota != wantP+wantQ {
		t.Fatalf("row source %s P %d Q %d quota %d, want local P %d Q %d (of %q) quota %d", row.UsageSource,
			row.PromptTokens, row.CompletionTokens, row.Quota, wantP, wantQ, delivered, wantP+wantQ)
	}
	if b := balance(t, a.UserID); b.Available != slFunds-(row.Quota-row.Uncollected) || b.Frozen != 0 {
		t.Fatalf("balance %+v after a charge of %d", b, row.Quota-row.Uncollected)
	}
	audit(t, a.UserID)
}

// Idle timeout (relay.md §2, §3 "failure after commit"): after relay.idleTimeoutS of upstream
// silence the stream ends with the stream_timeout event and no [DONE]; the upstream request is
// cancelled (its next chunk is 30 s away, so only the relay can have ended it); the delivered
// chunk is billed locally. The keep-alive comments sent meanwhile are the relay's own, not
// upstream activity: they do not push the idle limit back.
func TestStreamIdleTimeout(t *testing.T) {
	t.Cleanup(relay.SetStreamLimitsForTest(100*time.Millisecond, 10*time.Minute))
	testkit.SetSettings(t, map[string]any{"relay.idleTimeoutS": 1})
	fake := fakeUpstream(t)
	fake.SetDefault(openaicompat.Behaviour{Chunks: 3, Gap: 30 * time.Second})
	m, chID, a := slChat(t, fake, "1")
	s, _ := slPost(t, a.Key, m, true)
	delivered := slExpectTimedOut(t, s)
	if delivered != "tok0 " || len(s.data) != 2 {
		t.Fatalf("delivered %q in %d events, want the first chunk then the error: %s", delivered, len(s.data), slShort(s.raw))
	}
	if s.keepAlives == 0 || s.lines[0] == ": keep-alive" {
		t.Fatalf("no keep-alive within the idle second (or one before the first event): %s", slShort(s.raw))
	}
	slCancelled(t, fake)
	slExpectCutRow(t, a, chID, delivered)
}

// A channel's own idleTimeoutS wins over the setting, both ways: 1 on the channel cuts a
// stream the setting (90) would let wait; 4 on the channel lets a 2 s gap pass that the
// setting (1) would cut.
func TestStreamChannelIdleOverride(t *testing.T) {
	ctx := context.Background()
	setIdle := func(t *testing.T, id int64, s int) {
		t.Helper()
		if _, err := dao.RelayChannels.Ctx(ctx).WherePri(id).Data(do.RelayChannels{IdleTimeoutS: s}).Update(); err != nil {
			t.Fatal(err)
		}
		service.Relay().Invalidate(ctx)
	}
	t.Run("channel shorter", func(t *testing.T) {
		testkit.SetSettings(t, map[string]any{"relay.idleTimeoutS": 90})
		fake := fakeUpstream(t)
		fake.SetDefault(openaicompat.Behaviour{Chunks: 3, Gap: 30 * time.Second})
		m, chID, a := slChat(t, fake, "1")
		setIdle(t, chID, 1)
		s, _ := slPost(t, a.Key, m, true)
		if d := slExpectTimedOut(t, s); d != "tok0 " {
			t.Fatalf("delivered %q", d)
		}
		slCancelled(t, fake)
		slExpectCutRow(t, a, chID, "tok0 ")
	})
	t.Run("channel longer", func(t *testing.T) {
		testkit.SetSettings(t, map[string]any{"relay.idleTimeoutS": 1})
		fake := fakeUpstream(t)
		fake.SetDefault(openaicompat.Behaviour{Chunks: 2, Gap: 2 * time.Second})
		m, chID, a := slChat(t, fake, "1")
		setIdle(t, chID, 4)
		s, _ := slPost(t, a.Key, m, true)
		if s.status != 200 || s.text != "tok0 tok1 " || s.lines[len(s.lines)-1] != "data: [DONE]" ||
			strings.Contains(s.raw, "error") {
			t.Fatalf("stream %d %s", s.status, slShort(s.raw))
		}
		waitSettled(t, a.UserID)
		if row := logRow(t, a.TokenID); row.Status != "success" || row.ErrorCode != "" || row.Quota != 12 { // usage {10, 2}
			t.Fatalf("row status %s code %s quota %d", row.Status, row.ErrorCode, row.Quota)
		}
		audit(t, a.UserID)
	})
}

// slTee records the bytes of every answer body the SDK reads.
type slTee struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (c *slTee) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.buf.Write(p)
}

func (c *slTee) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err == nil {
		resp.Body = struct {
			io.Reader
			io.Closer
		}{io.TeeReader(resp.Body, c), resp.Body}
	}
	return resp, err
}

// Keep-alive (relay.md §2): after keepAlive of upstream silence a committed stream carries
// ": keep-alive" comments between its data lines (never before the first), and still ends
// normally with [DONE] once; the official SDK's stream reader skips them.
func TestStreamKeepAlive(t *testing.T) {
	t.Cleanup(relay.SetStreamLimitsForTest(100*time.Millisecond, 10*time.Minute))
	fake := fakeUpstream(t)
	fake.SetDefault(openaicompat.Behaviour{Chunks: 3, Gap: 500 * time.Millisecond})
	m, _, a := slChat(t, fake, "1")
	s, _ := slPost(t, a.Key, m, true)
	if s.status != 200 || s.text != "tok0 tok1 tok2 " || s.keepAlives == 0 {
		t.Fatalf("stream %d text %q keep-alives %d: %s", s.status, s.text, s.keepAlives, slShort(s.raw))
	}
	// tok0..tok2, the finish chunk, [DONE]: the usage chunk was not asked for.
	if len(s.data) != 5 || s.data[4] != "[DONE]" || strings.Count(s.raw, "[DONE]") != 1 ||
		!strings.HasPrefix(s.lines[0], "data: ") || s.lines[len(s.lines)-1] != "data: [DONE]" {
		t.Fatalf("events %q", s.data)
	}
	waitSettled(t, a.UserID)
	if row := logRow(t, a.TokenID); row.Status != "success" || row.Quota != 13 || row.UsageSource != "upstream" {
		t.Fatalf("row status %s quota %d source %s", row.Status, row.Quota, row.UsageSource)
	}

	tee := &slTee{}
	cl := openai.NewClient(option.WithBaseURL(testkit.Current().BaseURL+"/v1/"), option.WithAPIKey(a.Key),
		option.WithMaxRetries(0), option.WithHTTPClient(&http.Client{Transport: tee}))
	p := chatParams(m)
	p.StreamOptions = openai.ChatCompletionStreamOptionsParam{IncludeUsage: openai.Bool(true)}
	stream := cl.Chat.Completions.NewStreaming(context.Background(), p)
	acc := openai.ChatCompletionAccumulator{}
	for stream.Next() {
		acc.AddChunk(stream.Current())
	}
	if err := stream.Err(); err != nil {
		t.Fatalf("stream.Err() = %v", err)
	}
	_ = stream.Close()
	tee.mu.Lock()
	seen := tee.buf.String()
	tee.mu.Unlock()
	if !strings.Contains(seen, "\n\n: keep-alive\n\n") {
		t.Fatalf("the SDK's stream had no keep-alive to skip: %q", seen)
	}
	if len(acc.Choices) != 1 || acc.Choices[0].Message.Content != "tok0 tok1 tok2 " || acc.Usage.PromptTokens != 10 ||
		acc.Usage.CompletionTokens != 3 {
		t.Fatalf("accumulated %+v usage %+v", acc.Choices, acc.Usage)
	}
	waitSettled(t, a.UserID)
	audit(t, a.UserID)
}

// maxStreamDurationS (relay.md §2, §3): a stream still flowing at the limit, counted from the
// request's start, ends with stream_timeout and no [DONE]; billed on what was delivered.
func TestStreamMaxDuration(t *testing.T) {
	t.Cleanup(relay.SetStreamLimitsForTest(15*time.Second, 300*time.Millisecond))
	fake := fakeUpstream(t)
	fake.SetDefault(openaicompat.Behaviour{Chunks: 20, Gap: 50 * time.Millisecond})
	m, chID, a := slChat(t, fake, "1")
	s, _ := slPost(t, a.Key, m, true)
	delivered := slExpectTimedOut(t, s)
	if strings.Contains(delivered, "tok19 ") || s.keepAlives != 0 {
		t.Fatalf("the whole stream was delivered (or kept alive) despite the limit: %s", slShort(s.raw))
	}
	slCancelled(t, fake)
	slExpectCutRow(t, a, chID, delivered)
}

// slSilent is an upstream that answers 200 text/event-stream headers and then says nothing.
func slSilent(t *testing.T) (url string, requests *atomic.Int32, cancelled chan struct{}) {
	requests, cancelled = &atomic.Int32{}, make(chan struct{})
	var once sync.Once
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		w.Header().Set("Content-Type", "text/event-stream")
		w.WriteHeader(http.StatusOK)
		w.(http.Flusher).Flush()
		<-r.Context().Done()
		once.Do(func() { close(cancelled) })
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/v1", requests, cancelled
}

// First-byte timeout on streams (relay.md §4: transient, retried): an upstream that does not
// answer within relay.firstByteTimeoutS — no headers, or headers and then no first event — is
// cancelled and the stream is served by the next channel, invisibly (one clean stream,
// attempts 2, one reservation).
func TestStreamFirstByteTimeoutFailsOver(t *testing.T) {
	ctx := context.Background()
	testkit.SetSettings(t, map[string]any{"relay.firstByteTimeoutS": 1})
	for _, silentHeaders := range []bool{false, true} {
		name := map[bool]string{false: "no headers", true: "headers, no event"}[silentHeaders]
		t.Run(name, func(t *testing.T) {
			slow, good := fakeUpstream(t), fakeUpstream(t)
			slow.SetDefault(openaicompat.Behaviour{Delay: 30 * time.Second})
			good.SetDefault(openaicompat.Behaviour{Chunks: 3})
			slowURL := slow.URL()
			var silentReqs *atomic.Int32
			var silentGone chan struct{}
			if silentHeaders {
				slowURL, silentReqs, silentGone = slSilent(t)
			}
			m := testkit.UniqueName("gpt-sl-")
			seedPrice(t, m, "1", "1")
			seedChannel(t, "sl-slow-"+m, slowURL, 20, 1, []string{m}, "sk-slSlow00001")
			goodID := seedChannel(t, "sl-good-"+m, good.URL(), 0, 1, []string{m}, "sk-slGood00001")
			service.Relay().Invalidate(ctx)
			a := newAgent(t, slFunds, 0)
			cl := sdk(a.Key)
			sctx, cancel := context.WithTimeout(ctx, 30*time.Second) // fail, not hang, if no limit fires
			defer cancel()
			stream := cl.Chat.Completions.NewStreaming(sctx, chatParams(m))
			acc := openai.ChatCompletionAccumulator{}
			for stream.Next() {
				acc.AddChunk(stream.Current())
			}
			if stream.Err() != nil || len(acc.Choices) != 1 || acc.Choices[0].Message.Content != "tok0 tok1 tok2 " {
				t.Fatalf("stream %v %+v", stream.Err(), acc.Choices)
			}
			if silentHeaders {
				select {
				case <-silentGone:
				case <-time.After(5 * time.Second):
					t.Fatal("the silent upstream's request was not cancelled")
				}
				if n := silentReqs.Load(); n != 1 {
					t.Fatalf("silent upstream requests = %d", n)
				}
			} else {
				slCancelled(t, slow)
			}
			if n := len(good.Requests()); n != 1 {
				t.Fatalf("second channel requests = %d", n)
			}
			waitSettled(t, a.UserID)
			row := logRow(t, a.TokenID)
			if row.Attempts != 2 || row.ChannelId != goodID || row.Status != "success" || row.Quota != 13 ||
				row.ErrorCode != "" || row.SettleState != "committed" {
				t.Fatalf("row attempts %d channel %d (want %d) status %s quota %d code %s state %s", row.Attempts,
					row.ChannelId, goodID, row.Status, row.Quota, row.ErrorCode, row.SettleState)
			}
			if n, _ := dao.QuotaReservations.Ctx(ctx).Where("ref", "relay:"+row.RequestId).Count(); n != 1 {
				t.Fatalf("reservations = %d", n)
			}
			audit(t, a.UserID)
		})
	}
}

// With no attempt left, a first-byte timeout answers 504 upstream_timeout in the OpenAI error
// shape (stream and non-stream alike, nothing written before), charges nothing (released) and
// the upstream request is cancelled.
func TestFirstByteTimeoutLastAttempt(t *testing.T) {
	testkit.SetSettings(t, map[string]any{"relay.firstByteTimeoutS": 1})
	for _, stream := range []bool{true, false} {
		t.Run(map[bool]string{true: "stream", false: "non-stream"}[stream], func(t *testing.T) {
			fake := fakeUpstream(t)
			fake.SetDefault(openaicompat.Behaviour{Delay: 30 * time.Second})
			m, chID, a := slChat(t, fake, "1")
			s, h := slPost(t, a.Key, m, stream)
			rid := h.Get("X-Request-Id")
			if s.status != http.StatusGatewayTimeout || h.Get("Content-Type") != "application/json" || len(rid) != 32 {
				t.Fatalf("status %d content-type %q rid %q: %s", s.status, h.Get("Content-Type"), rid, slShort(s.raw))
			}
			want := `{"error":{"code":"upstream_timeout","message":"The upstream did not answer in time. (request id: ` +
				rid + `)","param":null,"type":"upstream_error"}}`
			if s.raw != want {
				t.Fatalf("body\n %s\nwant\n %s", s.raw, want)
			}
			slCancelled(t, fake)
			waitSettled(t, a.UserID)
			row := logRow(t, a.TokenID)
			if row.RequestId != rid || row.Status != "timeout" || row.HttpStatus != 504 || row.ErrorCode != "upstream_timeout" ||
				row.Attempts != 1 || row.ChannelId != chID || row.Quota != 0 || row.SettleState != "released" ||
				row.PreQuota <= 0 {
				t.Fatalf("row %s status %s http %d code %s attempts %d channel %d quota %d state %s pre %d", row.RequestId,
					row.Status, row.HttpStatus, row.ErrorCode, row.Attempts, row.ChannelId, row.Quota, row.SettleState, row.PreQuota)
			}
			if b := balance(t, a.UserID); b.Available != slFunds || b.Frozen != 0 {
				t.Fatalf("balance %+v, want %d untouched", b, slFunds)
			}
			audit(t, a.UserID)
		})
	}
}
