package relay_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/openai/openai-go/v3"

	"kami/internal/adapter/openaicompat"
	"kami/internal/clock"
	"kami/internal/service"
	"kami/internal/testkit"
)

// coolClock puts this node's relay on a fake clock at a whole second (cooling periods, trip
// times and the channel rows' times follow it); the real clock comes back when the test ends.
func coolClock(t *testing.T) *clock.Fake {
	t.Helper()
	c := clock.NewFake(time.Now().Truncate(time.Second))
	service.Relay().SetClock(c)
	t.Cleanup(func() { service.Relay().SetClock(clock.System) })
	return c
}

// coolView is what GET /api/relay/channels/{id} says about a channel's health.
type coolView struct {
	Status       int    `json:"status"`
	StatusReason string `json:"statusReason"`
	Cooling      *struct {
		Until *string `json:"until"`
		Trips int     `json:"trips"`
	} `json:"cooling"`
}

func coolGet(t *testing.T, admin *testkit.Client, id int64) coolView {
	t.Helper()
	var v coolView
	admin.Get(t, fmt.Sprintf("/api/relay/channels/%d", id)).Expect(t, http.StatusOK).Decode(t, &v)
	return v
}

// coolWant asserts the channel's cooling as this node shows it: trips 0 means null; a zero
// until means on record but not cooling (half-open).
func coolWant(t *testing.T, admin *testkit.Client, id int64, trips int, until time.Time) {
	t.Helper()
	coolWantView(t, coolGet(t, admin, id), trips, until)
}

func coolWantView(t *testing.T, v coolView, trips int, until time.Time) {
	t.Helper()
	switch {
	case trips == 0:
		if v.Cooling != nil {
			t.Fatalf("cooling = %s, want null", coolShow(v))
		}
		return
	case v.Cooling == nil:
		t.Fatalf("cooling = null, want trips %d", trips)
	case v.Cooling.Trips != trips:
		t.Fatalf("cooling trips = %d, want %d", v.Cooling.Trips, trips)
	case until.IsZero():
		if v.Cooling.Until != nil {
			t.Fatalf("cooling until = %s, want null", *v.Cooling.Until)
		}
		return
	case v.Cooling.Until == nil:
		t.Fatalf("cooling until = null, want %s", until)
	}
	got, err := time.Parse(time.RFC3339, *v.Cooling.Until)
	if err != nil || !got.Equal(until) {
		t.Fatalf("cooling until = %s (%v), want %s", *v.Cooling.Until, err, until.UTC())
	}
}

// coolShow renders a view's cooling for a failure message.
func coolShow(v coolView) string {
	switch {
	case v.Cooling == nil:
		return "null"
	case v.Cooling.Until == nil:
		return fmt.Sprintf("{trips %d, until null}", v.Cooling.Trips)
	}
	return fmt.Sprintf("{trips %d, until %s}", v.Cooling.Trips, *v.Cooling.Until)
}

// coolCalls asserts how many requests each fake received so far.
func coolCalls(t *testing.T, step string, fakes []*openaicompat.Fake, want ...int) {
	t.Helper()
	for i, f := range fakes {
		if n := len(f.Requests()); n != want[i] {
			t.Fatalf("%s: fake %d received %d requests, want %d", step, i, n, want[i])
		}
	}
}

func coolChat(t *testing.T, cl openai.Client, model string) {
	t.Helper()
	if _, err := cl.Chat.Completions.New(context.Background(), chatParams(model)); err != nil {
		t.Fatal(err)
	}
}

// coolRefused asserts the call fails with the relay's status and code.
func coolRefused(t *testing.T, cl openai.Client, model string, status int, code string) {
	t.Helper()
	_, err := cl.Chat.Completions.New(context.Background(), chatParams(model))
	var apiErr *openai.Error
	if !errors.As(err, &apiErr) || apiErr.StatusCode != status || apiErr.Code != code {
		t.Fatalf("err = %v, want %d %s", err, status, code)
	}
}

func coolSettings(t *testing.T, threshold, baseS, maxS int, extra map[string]any) {
	t.Helper()
	v := map[string]any{"relay.coolThreshold": threshold, "relay.coolBaseS": baseS, "relay.coolMaxS": maxS}
	for k, x := range extra {
		v[k] = x
	}
	testkit.SetSettings(t, v)
}

// coolThreshold consecutive 500s on the top channel trip it: each is retried on the lower tier
// and served; then the top one is skipped (its fake gets nothing) for exactly coolBaseS; after
// it, half-open: one request tries it again, a failure re-trips it for twice the period; once
// healthy, one success after that period clears it (cooling null) and it serves again.
func TestCoolingSkipsHalfOpensAndClears(t *testing.T) {
	clk := coolClock(t)
	coolSettings(t, 3, 60, 900, nil)
	admin := testkit.Current().Admin(t)
	top, low := fakeUpstream(t), fakeUpstream(t)
	fakes := []*openaicompat.Fake{top, low}
	top.SetDefault(openaicompat.Behaviour{Status: 500, ErrType: "server_error", Message: "boom"})
	m := testkit.UniqueName("gpt-cool-")
	seedPrice(t, m, "1", "1")
	topID := seedChannel(t, "cool-top-"+m, top.URL(), 10, 1, []string{m}, "sk-coolTopKey000001")
	seedChannel(t, "cool-low-"+m, low.URL(), 0, 1, []string{m}, "sk-coolLowKey000001")
	service.Relay().Invalidate(context.Background())
	a := newAgent(t, 1_000_000, 0)
	cl := sdk(a.Key)

	for i := 1; i <= 3; i++ {
		coolChat(t, cl, m)
		coolCalls(t, fmt.Sprintf("failure %d", i), fakes, i, i)
		if i < 3 {
			coolWant(t, admin, topID, 0, time.Time{}) // failures below the threshold are no trip
		}
	}
	t0 := clk.Now()
	coolWant(t, admin, topID, 1, t0.Add(60*time.Second))
	for range 2 {
		coolChat(t, cl, m)
	}
	coolCalls(t, "cooling", fakes, 3, 5)
	clk.Advance(59 * time.Second)
	coolChat(t, cl, m)
	coolCalls(t, "one second before the end", fakes, 3, 6)

	clk.Advance(time.Second) // half-open: tried again, one failure re-trips at once
	coolWant(t, admin, topID, 1, time.Time{})
	coolChat(t, cl, m)
	coolCalls(t, "half-open failure", fakes, 4, 7)
	t1 := clk.Now()
	coolWant(t, admin, topID, 2, t1.Add(120*time.Second))
	coolChat(t, cl, m)
	coolCalls(t, "re-tripped", fakes, 4, 8)

	top.SetDefault(openaicompat.Behaviour{})
	clk.Advance(119 * time.Second)
	coolChat(t, cl, m)
	coolCalls(t, "inside the doubled period", fakes, 4, 9)
	clk.Advance(time.Second)
	coolChat(t, cl, m)
	coolCalls(t, "half-open success", fakes, 5, 9)
	coolWant(t, admin, topID, 0, time.Time{})
	coolChat(t, cl, m)
	coolCalls(t, "cleared", fakes, 6, 9)
	waitSettled(t, a.UserID)
	audit(t, a.UserID)
}

// Fail open: a single channel that tripped is still tried, and serves once its upstream
// answers; with every channel cooling, the least recently tripped one is tried first even when
// it is in a lower tier.
func TestCoolFailOpen(t *testing.T) {
	t.Run("single channel", func(t *testing.T) {
		coolClock(t)
		coolSettings(t, 1, 60, 900, nil)
		admin := testkit.Current().Admin(t)
		f := fakeUpstream(t)
		f.Push(openaicompat.Behaviour{Status: 503, ErrType: "server_error", Message: "busy"})
		m := testkit.UniqueName("gpt-open-")
		seedPrice(t, m, "1", "1")
		id := seedChannel(t, "open-"+m, f.URL(), 0, 1, []string{m}, "sk-openKeyopenKey001")
		service.Relay().Invalidate(context.Background())
		a := newAgent(t, 100000, 0)
		cl := sdk(a.Key)
		coolRefused(t, cl, m, http.StatusBadGateway, "upstream_unavailable")
		if v := coolGet(t, admin, id); v.Cooling == nil || v.Cooling.Trips != 1 || v.Cooling.Until == nil {
			t.Fatalf("after the failure: cooling %s", coolShow(v))
		}
		coolChat(t, cl, m) // still cooling: tried anyway
		if n := len(f.Requests()); n != 2 {
			t.Fatalf("the cooling channel got %d requests, want 2", n)
		}
		coolWant(t, admin, id, 0, time.Time{})
		waitSettled(t, a.UserID)
		audit(t, a.UserID)
	})
	t.Run("least recently tripped first", func(t *testing.T) {
		clk := coolClock(t)
		coolSettings(t, 1, 60, 900, map[string]any{"relay.retryTimes": 0})
		top, low := fakeUpstream(t), fakeUpstream(t)
		fakes := []*openaicompat.Fake{top, low}
		for _, f := range fakes {
			f.Push(openaicompat.Behaviour{Status: 500, ErrType: "server_error", Message: "down"})
		}
		m, only := testkit.UniqueName("gpt-lrt-"), testkit.UniqueName("gpt-lrt-only-")
		seedPrice(t, m, "1", "1")
		seedPrice(t, only, "1", "1")
		seedChannel(t, "lrt-top-"+m, top.URL(), 10, 1, []string{m}, "sk-lrtTopKey0000001")
		seedChannel(t, "lrt-low-"+m, low.URL(), 0, 1, []string{m, only}, "sk-lrtLowKey0000001")
		service.Relay().Invalidate(context.Background())
		a := newAgent(t, 100000, 0)
		cl := sdk(a.Key)
		coolRefused(t, cl, only, http.StatusBadGateway, "upstream_unavailable") // the low channel trips first
		coolCalls(t, "low tripped", fakes, 0, 1)
		clk.Advance(time.Second)
		coolRefused(t, cl, m, http.StatusBadGateway, "upstream_unavailable") // then the top one
		coolCalls(t, "top tripped", fakes, 1, 1)
		clk.Advance(time.Second)
		coolChat(t, cl, m) // both cooling: the low channel tripped longer ago
		coolCalls(t, "fail open", fakes, 1, 2)
		waitSettled(t, a.UserID)
		audit(t, a.UserID)
	})
}

// PUT /api/relay/channels/{id}/status {status:1} clears the channel's cooling on this node at
// once: the answer shows cooling null and the next request tries it again.
func TestCoolManualEnableClears(t *testing.T) {
	clk := coolClock(t)
	coolSettings(t, 1, 600, 900, nil)
	admin := testkit.Current().Admin(t)
	top, low := fakeUpstream(t), fakeUpstream(t)
	fakes := []*openaicompat.Fake{top, low}
	top.Push(openaicompat.Behaviour{Status: 502, ErrType: "server_error", Message: "bad gateway"})
	m := testkit.UniqueName("gpt-man-")
	seedPrice(t, m, "1", "1")
	topID := seedChannel(t, "man-top-"+m, top.URL(), 10, 1, []string{m}, "sk-manTopKey0000001")
	seedChannel(t, "man-low-"+m, low.URL(), 0, 1, []string{m}, "sk-manLowKey0000001")
	service.Relay().Invalidate(context.Background())
	a := newAgent(t, 100000, 0)
	cl := sdk(a.Key)
	coolChat(t, cl, m)
	coolChat(t, cl, m)
	coolCalls(t, "tripped", fakes, 1, 2)
	coolWant(t, admin, topID, 1, clk.Now().Add(600*time.Second))

	var v coolView
	admin.Put(t, fmt.Sprintf("/api/relay/channels/%d/status", topID), map[string]any{"status": 1, "reason": "fixed"}).
		Expect(t, http.StatusOK).Decode(t, &v)
	if v.Status != 1 {
		t.Fatalf("status after the enable = %d", v.Status)
	}
	coolWantView(t, v, 0, time.Time{})
	coolChat(t, cl, m) // no clock moved: only the enable can have ended the cooling
	coolCalls(t, "after the enable", fakes, 2, 2)
	coolWant(t, admin, topID, 0, time.Time{})
	waitSettled(t, a.UserID)
	audit(t, a.UserID)
}

// A client that goes away never counts against a channel: with coolThreshold 1, five aborts
// (three non-stream and one stream before the answer, one stream after the first chunk) leave
// the channel clean, and the next request is served by it rather than by the lower tier.
func TestCoolClientAbortsNeverCount(t *testing.T) {
	coolClock(t)
	coolSettings(t, 1, 600, 900, nil)
	admin := testkit.Current().Admin(t)
	slow, low := fakeUpstream(t), fakeUpstream(t)
	fakes := []*openaicompat.Fake{slow, low}
	hang := openaicompat.Behaviour{Delay: time.Minute}
	slow.Push(hang, hang, hang, hang, openaicompat.Behaviour{Chunks: 200, Gap: 50 * time.Millisecond})
	m := testkit.UniqueName("gpt-abort-")
	seedPrice(t, m, "1", "1")
	id := seedChannel(t, "abort-"+m, slow.URL(), 10, 1, []string{m}, "sk-abortKeyabort001")
	seedChannel(t, "abort-low-"+m, low.URL(), 0, 1, []string{m}, "sk-abortLowKey00001")
	service.Relay().Invalidate(context.Background())
	a := newAgent(t, 1_000_000, 0)

	abort := func(i int, stream, afterFirstChunk bool) {
		t.Helper()
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, testkit.Current().BaseURL+"/v1/chat/completions",
			strings.NewReader(chatBody(m, "hi", stream)))
		req.Header.Set("Authorization", "Bearer "+a.Key)
		req.Header.Set("Content-Type", "application/json")
		done := make(chan error, 1)
		firstChunk := make(chan struct{})
		go func() {
			resp, err := http.DefaultClient.Do(req)
			if err == nil {
				defer resp.Body.Close()
				rd := bufio.NewReader(resp.Body)
				for {
					line, rerr := rd.ReadString('\n')
					if strings.HasPrefix(line, "data: ") && strings.Contains(line, "content") {
						close(firstChunk)
						_, err = rd.ReadString(0) // until the cut
						break
					}
					if rerr != nil {
						err = fmt.Errorf("stream ended before a chunk: %v (status %d)", rerr, resp.StatusCode)
						break
					}
				}
			}
			done <- err
		}()
		if afterFirstChunk {
			select {
			case <-firstChunk:
			case err := <-done:
				t.Fatalf("abort %d: %v", i, err)
			case <-time.After(10 * time.Second):
				t.Fatalf("abort %d: no first chunk", i)
			}
		} else {
			waitFor(t, "the upstream call", 10*time.Second, func() bool { return len(slow.Requests()) == i })
		}
		cancel()
		select {
		case err := <-done:
			if err == nil {
				t.Fatalf("abort %d: the call ended normally", i)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("abort %d: the call did not end", i)
		}
		waitFor(t, "the upstream call cancelled", 10*time.Second, func() bool { return slow.Requests()[i-1].Cancelled })
	}
	abort(1, false, false)
	abort(2, false, false)
	abort(3, false, false)
	abort(4, true, false)
	abort(5, true, true)
	waitSettled(t, a.UserID)
	rows := relayRows(t, a.TokenID)
	if len(rows) != 5 {
		t.Fatalf("rows = %d", len(rows))
	}
	for i, r := range rows {
		if r.Status != "client_aborted" || r.Attempts != 1 {
			t.Fatalf("row %d: status %s attempts %d", i, r.Status, r.Attempts)
		}
	}
	coolWant(t, admin, id, 0, time.Time{})
	coolChat(t, sdk(a.Key), m)
	coolCalls(t, "after the aborts", fakes, 6, 0)
	if st := channelState(t, id); st.Status != 1 {
		t.Fatalf("channel status = %d", st.Status)
	}
	audit(t, a.UserID)
}
