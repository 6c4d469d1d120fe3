package relay_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/openai/openai-go/v3"

	"kami/internal/adapter/openaicompat"
	"kami/internal/dao"
	"kami/internal/model/entity"
	"kami/internal/testkit"
)

// state is the status and probe count of a channel or key row.
type state struct{ Status, Probes int }

func channelState(t *testing.T, id int64) state {
	t.Helper()
	var r entity.RelayChannels
	if err := dao.RelayChannels.Ctx(context.Background()).WherePri(id).Scan(&r); err != nil {
		t.Fatal(err)
	}
	return state{r.Status, r.ProbeSuccesses}
}

func keyStates(t *testing.T, channelID int64) []state {
	t.Helper()
	var rows []entity.RelayChannelKeys
	if err := dao.RelayChannelKeys.Ctx(context.Background()).Where("channel_id", channelID).OrderAsc("id").Scan(&rows); err != nil {
		t.Fatal(err)
	}
	out := make([]state, 0, len(rows))
	for _, r := range rows {
		out = append(out, state{r.Status, r.ProbeSuccesses})
	}
	return out
}

// setStatus puts a channel and its keys (in id order) at the given statuses, as automation or an
// operator would have left them.
func setStatus(t *testing.T, channelID int64, ch int, keys ...int) {
	t.Helper()
	ctx := context.Background()
	if _, err := dao.RelayChannels.Ctx(ctx).WherePri(channelID).Data("status", ch).Update(); err != nil {
		t.Fatal(err)
	}
	var rows []entity.RelayChannelKeys
	if err := dao.RelayChannelKeys.Ctx(ctx).Where("channel_id", channelID).OrderAsc("id").Scan(&rows); err != nil {
		t.Fatal(err)
	}
	for i, st := range keys {
		if _, err := dao.RelayChannelKeys.Ctx(ctx).WherePri(rows[i].Id).Data("status", st).Update(); err != nil {
			t.Fatal(err)
		}
	}
}

// relay.channel.probe: an auto-disabled key and its channel come back after two consecutive
// successful runs, a failure between resets the count; a channel at 0 by hand is never called
// and stays 0; a key at 0 is never probed while its sibling at 2 recovers; an embedding channel
// is probed with an embeddings call; no probe is billed or logged as a request.
func TestChannelProbe(t *testing.T) {
	ctx := context.Background()
	admin := testkit.Current().Admin(t)
	// The test runs the job itself: a scheduled run between two of its runs would count too.
	admin.Put(t, "/api/system/job/relay.channel.probe", map[string]any{"enabled": false}).Expect(t, http.StatusOK)
	t.Cleanup(func() {
		admin.Put(t, "/api/system/job/relay.channel.probe", map[string]any{"enabled": true}).Expect(t, http.StatusOK)
	})
	chat, manual, emb, mixed := fakeUpstream(t), fakeUpstream(t), fakeUpstream(t), fakeUpstream(t)
	m := testkit.UniqueName("gpt-pr-")
	em := testkit.UniqueName("text-embedding-pr-")
	dead := seedChannel(t, "pr-dead-"+m, chat.URL(), 0, 1, []string{m}, "sk-probeDeadKey00001")
	setStatus(t, dead, 2, 2)
	off := seedChannel(t, "pr-off-"+m, manual.URL(), 0, 1, []string{m}, "sk-probeOffKey000001")
	setStatus(t, off, 0, 2)
	embed := seedChannel(t, "pr-emb-"+m, emb.URL(), 0, 1, []string{em}, "sk-probeEmbKey000001")
	setStatus(t, embed, 2, 1) // disabled by trips: its key is fine
	half := seedChannel(t, "pr-mix-"+m, mixed.URL(), 0, 1, []string{m}, "sk-probeMixKey000001", "sk-probeMixKey000002")
	setStatus(t, half, 1, 2, 0)

	run := func(chatOK bool) {
		t.Helper()
		if chatOK {
			chat.SetDefault(openaicompat.Behaviour{})
		} else {
			chat.SetDefault(openaicompat.Behaviour{Status: 500, ErrType: "server_error", Message: "down"})
		}
		if r := admin.RunJob(t, "relay.channel.probe"); r.Status != "success" || r.Items < 1 {
			t.Fatalf("probe run: %+v", r)
		}
	}
	expect := func(step string, id int64, ch state, keys ...state) {
		t.Helper()
		if got := channelState(t, id); got != ch {
			t.Fatalf("%s: channel %d = %+v, want %+v", step, id, got, ch)
		}
		got := keyStates(t, id)
		for i, k := range keys {
			if got[i] != k {
				t.Fatalf("%s: channel %d key %d = %+v, want %+v", step, id, i, got[i], k)
			}
		}
	}

	run(true)
	expect("one success is not enough", dead, state{2, 1}, state{2, 1})
	expect("one success (embeddings)", embed, state{2, 1}, state{1, 0})
	expect("one success (mixed)", half, state{1, 0}, state{2, 1}, state{0, 0})
	run(false) // only the first channel's upstream fails this time
	expect("a failure resets", dead, state{2, 0}, state{2, 0})
	expect("embedding channel back", embed, state{1, 0}, state{1, 0})
	expect("mixed key back, manual key untouched", half, state{1, 0}, state{1, 0}, state{0, 0})
	run(true)
	expect("counting again", dead, state{2, 1}, state{2, 1})
	run(true)
	expect("two consecutive successes", dead, state{1, 0}, state{1, 0})
	expect("manual off is never touched", off, state{0, 0}, state{2, 0})

	if n := len(manual.Requests()); n != 0 {
		t.Fatalf("the manually disabled channel was called %d times", n)
	}
	for _, r := range chat.Requests() {
		var body struct {
			Model     string `json:"model"`
			MaxTokens int    `json:"max_tokens"`
			Messages  []struct {
				Content string `json:"content"`
			} `json:"messages"`
		}
		if err := json.Unmarshal(r.Body, &body); err != nil || r.Path != "/v1/chat/completions" || body.Model != m ||
			body.MaxTokens != 1 || len(body.Messages) != 1 || body.Messages[0].Content != "ping" ||
			r.Authorization != "Bearer sk-probeDeadKey00001" {
			t.Fatalf("chat probe %s %s %s", r.Path, r.Authorization, r.Body)
		}
	}
	if n := len(chat.Requests()); n != 4 {
		t.Fatalf("chat probes: %d, want one per run", n)
	}
	embReqs := emb.Requests()
	if len(embReqs) != 2 { // back after the second run: nothing left to probe
		t.Fatalf("embedding probes: %d", len(embReqs))
	}
	for _, r := range embReqs {
		var body struct {
			Model string `json:"model"`
			Input string `json:"input"`
		}
		if err := json.Unmarshal(r.Body, &body); err != nil || r.Path != "/v1/embeddings" || body.Model != em || body.Input != "ping" {
			t.Fatalf("embedding probe %s %s", r.Path, r.Body)
		}
	}
	for _, r := range mixed.Requests() {
		if r.Authorization != "Bearer sk-probeMixKey000001" {
			t.Fatalf("the manually disabled key was probed: %s", r.Authorization)
		}
	}
	n, err := dao.RelayLogs.Ctx(ctx).WhereIn("channel_id", []int64{dead, off, embed, half}).Count()
	if err != nil || n != 0 {
		t.Fatalf("probes wrote %d request logs (%v)", n, err)
	}
	var events []entity.RelayChannelEvents
	if err := dao.RelayChannelEvents.Ctx(ctx).Where("channel_id", dead).OrderAsc("id").Scan(&events); err != nil {
		t.Fatal(err)
	}
	kinds := []string{}
	for _, e := range events {
		kinds = append(kinds, e.Kind)
	}
	want := []string{"probe_ok", "probe_fail", "probe_ok", "probe_ok", "auto_enabled", "auto_enabled"}
	if jsonText(kinds) != jsonText(want) {
		t.Fatalf("events %v, want %v", kinds, want)
	}
}

// End to end: a fatal 401 auto-disables the key and its channel (the model has no channel
// left: 503), two good probe runs bring both back, and /v1 routes to the channel again at once.
func TestProbeRecoversAutoDisabled(t *testing.T) {
	ctx := context.Background()
	admin := testkit.Current().Admin(t)
	admin.Put(t, "/api/system/job/relay.channel.probe", map[string]any{"enabled": false}).Expect(t, http.StatusOK)
	t.Cleanup(func() {
		admin.Put(t, "/api/system/job/relay.channel.probe", map[string]any{"enabled": true}).Expect(t, http.StatusOK)
	})
	fake := fakeUpstream(t)
	m := testkit.UniqueName("gpt-rec-")
	seedPrice(t, m, "1", "1")
	id := seedChannel(t, "rec-"+m, fake.URL(), 0, 1, []string{m}, "sk-recoverKey000001")
	a := newAgent(t, 100000, 0)
	cl := sdk(a.Key)
	fake.Push(openaicompat.Behaviour{Status: 401, ErrType: "invalid_request_error", ErrCode: "invalid_api_key", Message: "bad key"})
	if _, err := cl.Chat.Completions.New(ctx, chatParams(m)); err == nil {
		t.Fatal("a 401 upstream must fail the request")
	}
	expectState := func(step string, ch state, key state) {
		t.Helper()
		deadline := time.Now().Add(5 * time.Second) // the auto-disable runs after the answer
		for {
			got, keys := channelState(t, id), keyStates(t, id)
			if got == ch && keys[0] == key {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: channel %+v key %+v, want %+v %+v", step, got, keys[0], ch, key)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	expectState("after the fatal answer", state{2, 0}, state{2, 0})
	var apiErr *openai.Error
	if _, err := cl.Chat.Completions.New(ctx, chatParams(m)); !errors.As(err, &apiErr) || apiErr.StatusCode != 503 {
		t.Fatalf("while disabled: %v", err)
	}
	for run := 1; run <= 2; run++ {
		if r := admin.RunJob(t, "relay.channel.probe"); r.Status != "success" {
			t.Fatalf("probe run %d: %+v", run, r)
		}
	}
	expectState("after two good probes", state{1, 0}, state{1, 0})
	if _, err := cl.Chat.Completions.New(ctx, chatParams(m)); err != nil {
		t.Fatalf("after recovery: %v", err)
	}
	waitSettled(t, a.UserID)
	audit(t, a.UserID)
}
