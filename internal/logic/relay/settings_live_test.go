package relay_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/openai/openai-go/v3"
	"github.com/shopspring/decimal"

	"kami/internal/adapter/openaicompat"
	"kami/internal/dao"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/internal/testkit"
)

const slFunds = 100000

// slBody is a one-message ("hi") chat request.
func slBody(model string, stream bool) string {
	return `{"model":"` + model + `","stream":` + map[bool]string{true: "true", false: "false"}[stream] +
		`,"messages":[{"role":"user","content":"hi"}]}`
}

// slChat sets up model → one channel at fake (MR mr, CR 1) and a funded agent.
func slChat(t *testing.T, fake *openaicompat.Fake, mr string) (string, int64, agent) {
	t.Helper()
	m := testkit.UniqueName("gpt-sl-")
	seedPrice(t, m, mr, "1")
	id := seedChannel(t, "sl-"+m, fake.URL(), 0, 1, []string{m}, "sk-slKey000001")
	service.Relay().Invalidate(context.Background())
	return m, id, newAgent(t, slFunds, 0)
}

// slShort keeps failure messages readable.
func slShort(raw string) string {
	if len(raw) > 1500 {
		return fmt.Sprintf("%q…(%d bytes)", raw[:1500], len(raw))
	}
	return fmt.Sprintf("%q", raw)
}

// slCancelled waits until the fake's only request was cancelled by the relay.
func slCancelled(t *testing.T, f *openaicompat.Fake) {
	t.Helper()
	waitFor(t, "the upstream request to be cancelled", 5*time.Second, func() bool {
		rec := f.Requests()
		return len(rec) == 1 && rec[0].Cancelled
	})
}

// slRows are the token's log rows, oldest first.
func slRows(t *testing.T, tokenID int64) []entity.RelayLogs {
	t.Helper()
	var rows []entity.RelayLogs
	if err := dao.RelayLogs.Ctx(context.Background()).Where("token_id", tokenID).OrderAsc("id").Scan(&rows); err != nil {
		t.Fatal(err)
	}
	return rows
}

// slLedgerNet is the user's net ledger movement on one request's reference, every bucket.
func slLedgerNet(t *testing.T, userID int64, rid string) int64 {
	t.Helper()
	v, err := dao.QuotaEntries.Ctx(context.Background()).Where("user_id", userID).Where("ref", "relay:"+rid).
		Fields("COALESCE(SUM(amount),0)").Value()
	if err != nil {
		t.Fatal(err)
	}
	return v.Int64()
}

// relay.retryTimes is read live, per request: at 0 a 500 on the first channel is the answer
// (502 upstream_unavailable, attempts 1, the second channel untouched); back at 2 the same
// failure is retried on the second channel.
func TestRetryTimesLive(t *testing.T) {
	ctx := context.Background()
	top, low := fakeUpstream(t), fakeUpstream(t)
	top.SetDefault(openaicompat.Behaviour{Status: 500, ErrType: "server_error", Message: "boom"})
	m := testkit.UniqueName("gpt-sl-")
	seedPrice(t, m, "1", "1")
	topID := seedChannel(t, "sl-top-"+m, top.URL(), 20, 1, []string{m}, "sk-slTop000001")
	lowID := seedChannel(t, "sl-low-"+m, low.URL(), 0, 1, []string{m}, "sk-slLow000001")
	service.Relay().Invalidate(ctx)
	a := newAgent(t, slFunds, 0)
	cl := sdk(a.Key)

	testkit.SetSettings(t, map[string]any{"relay.retryTimes": 0})
	_, err := cl.Chat.Completions.New(ctx, chatParams(m))
	var apiErr *openai.Error
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 502 || apiErr.Code != "upstream_unavailable" ||
		apiErr.Type != "upstream_error" {
		t.Fatalf("retryTimes 0: err = %v", err)
	}
	if nt, nl := len(top.Requests()), len(low.Requests()); nt != 1 || nl != 0 {
		t.Fatalf("retryTimes 0: first channel %d requests, second %d; want 1 and 0", nt, nl)
	}
	waitSettled(t, a.UserID)
	rows := slRows(t, a.TokenID)
	if len(rows) != 1 || rows[0].Attempts != 1 || rows[0].ChannelId != topID || rows[0].Status != "upstream_error" ||
		rows[0].HttpStatus != 502 || rows[0].ErrorCode != "upstream_unavailable" || rows[0].Quota != 0 ||
		rows[0].SettleState != "released" {
		t.Fatalf("retryTimes 0: rows %+v", rows)
	}

	testkit.SetSettings(t, map[string]any{"relay.retryTimes": 2})
	res, err := cl.Chat.Completions.New(ctx, chatParams(m))
	if err != nil || res.Choices[0].Message.Content != "Hello!" {
		t.Fatalf("retryTimes 2: %v %+v", err, res)
	}
	if nt, nl := len(top.Requests()), len(low.Requests()); nt != 2 || nl != 1 {
		t.Fatalf("retryTimes 2: first channel %d requests, second %d; want 2 and 1", nt, nl)
	}
	waitSettled(t, a.UserID)
	rows = slRows(t, a.TokenID)
	if len(rows) != 2 || rows[1].Attempts != 2 || rows[1].ChannelId != lowID || rows[1].Status != "success" ||
		rows[1].Quota != 15 || rows[1].SettleState != "committed" {
		t.Fatalf("retryTimes 2: rows %+v", rows)
	}
	if b := balance(t, a.UserID); b.Available != slFunds-15 || b.Frozen != 0 {
		t.Fatalf("balance %+v", b)
	}
	audit(t, a.UserID)
}

// relay.defaultCompletionReserve is the completion reserve of a request without
// max_completion_tokens/max_tokens, read live: the pre-charge (the log row's pre_quota and the
// ledger's reservation) is relay.md §3's pre = ceil((est + max_out×CR) × MR × GR) with est =
// ceil(bytes(messages)/3), max_out = (max_completion_tokens ?? max_tokens ?? reserve) × n.
// Price MR 0.5, CR 2, group ratio 1.5; messages of 32 bytes → est 11.
func TestDefaultCompletionReserveLive(t *testing.T) {
	ctx := context.Background()
	admin := testkit.Current().Admin(t)
	fake := fakeUpstream(t)
	m := testkit.UniqueName("gpt-sl-")
	seedPrice(t, m, "0.5", "2")
	chID := seedChannel(t, "sl-"+m, fake.URL(), 0, 1, []string{m}, "sk-slRes000001")
	group := testkit.UniqueName("slg")
	admin.Post(t, "/api/relay/groups", map[string]any{"code": group, "name": "SL", "ratio": "1.5"}).Expect(t, 200)
	if _, err := dao.RelayChannels.Ctx(ctx).WherePri(chID).
		Data(do.RelayChannels{GroupCodes: `["default","` + group + `"]`}).Update(); err != nil {
		t.Fatal(err)
	}
	service.Relay().Invalidate(ctx)
	a := newAgent(t, slFunds, 0)
	admin.Put(t, fmt.Sprintf("/api/relay/users/%d/group", a.UserID), map[string]any{"group": group}).Expect(t, 200)

	const messages = `[{"role":"user","content":"hi"}]`
	if est := (int64(len(messages)) + 2) / 3; est != 11 {
		t.Fatalf("est = %d, the table below assumes 11", est)
	}
	cases := []struct {
		name    string
		reserve any // nil: the default 1024
		extra   string
		pre     int64
	}{
		{"default reserve", nil, "", 1545},                                                   // (11 + 1024×2) × 0.75 = 1544.25
		{"reserve 100", 100, "", 159},                                                        // (11 + 100×2) × 0.75 = 158.25
		{"reserve 100, n 2", 100, `,"n":2`, 309},                                             // (11 + 200×2) × 0.75 = 308.25
		{"reserve 100, max_tokens 7", 100, `,"max_tokens":7`, 19},                            // (11 + 7×2) × 0.75 = 18.75
		{"max_completion_tokens wins", 100, `,"max_tokens":7,"max_completion_tokens":5`, 16}, // (11 + 10) × 0.75
		{"reserve 1", 1, "", 10},                                                             // (11 + 2) × 0.75 = 9.75
	}
	for i, c := range cases {
		if c.reserve != nil {
			testkit.SetSettings(t, map[string]any{"relay.defaultCompletionReserve": c.reserve})
		}
		body := `{"model":"` + m + `","messages":` + messages + c.extra + `}`
		if code := postJSON(t, "/v1/chat/completions", a.Key, body); code != 200 {
			t.Fatalf("%s: status %d", c.name, code)
		}
		waitSettled(t, a.UserID)
		rows := slRows(t, a.TokenID)
		if len(rows) != i+1 {
			t.Fatalf("%s: %d rows", c.name, len(rows))
		}
		row := rows[i]
		// The charge itself: usage {10, 5} → (10 + 5×2) × 0.5 × 1.5 = 15.
		if row.PreQuota != c.pre || row.Quota != 15 || row.Status != "success" || row.GroupCode != group ||
			!decimal.RequireFromString(row.GroupRatio).Equal(decimal.RequireFromString("1.5")) {
			t.Fatalf("%s: pre_quota %d (want %d) quota %d status %s group %s ratio %s", c.name, row.PreQuota, c.pre,
				row.Quota, row.Status, row.GroupCode, row.GroupRatio)
		}
		var res entity.QuotaReservations
		if err := dao.QuotaReservations.Ctx(ctx).Where("ref", "relay:"+row.RequestId).Scan(&res); err != nil ||
			res.Amount != c.pre {
			t.Fatalf("%s: reservation %+v (%v), want amount %d", c.name, res, err, c.pre)
		}
	}
	if b := balance(t, a.UserID); b.Available != slFunds-15*int64(len(cases)) || b.Frozen != 0 {
		t.Fatalf("balance %+v", b)
	}
	audit(t, a.UserID)
}

// slAbort sends a one-message request that the fake holds (30 s), cancels it once the fake has it
// and waits until the relay cancelled the upstream request and settled.
func slAbort(t *testing.T, fake *openaicompat.Fake, a agent, model string, stream bool) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, testkit.Current().BaseURL+"/v1/chat/completions",
		strings.NewReader(slBody(model, stream)))
	req.Header.Set("Authorization", "Bearer "+a.Key)
	done := make(chan []byte, 1)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			done <- nil
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		done <- b
	}()
	waitFor(t, "the upstream to receive the request", 5*time.Second, func() bool { return len(fake.Requests()) == 1 })
	cancel()
	select {
	case b := <-done:
		if len(b) > 0 {
			t.Fatalf("the client received %q before the first upstream byte", b)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the client request did not end after cancel")
	}
	slCancelled(t, fake)
	waitSettled(t, a.UserID)
}

// relay.emptyAbortBilling (relay.md §3 "client gone, nothing delivered"): prompt bills a client
// that leaves before any output the local prompt count, ceil(P × MR × GR) (MR 0.3, GR 1),
// committed with usage_source local, and the ledger's debit on the request is exactly that;
// none (the default) bills 0 and releases the reservation. Stream and non-stream alike.
func TestEmptyAbortBilling(t *testing.T) {
	for _, policy := range []string{"prompt", "none"} {
		for _, stream := range []bool{false, true} {
			t.Run(policy+"/"+map[bool]string{true: "stream", false: "non-stream"}[stream], func(t *testing.T) {
				if policy == "prompt" {
					testkit.SetSettings(t, map[string]any{"relay.emptyAbortBilling": "prompt"})
				}
				fake := fakeUpstream(t)
				fake.SetDefault(openaicompat.Behaviour{Delay: 30 * time.Second, Chunks: 5})
				m, chID, a := slChat(t, fake, "0.3")
				slAbort(t, fake, a, m, stream)

				row := logRow(t, a.TokenID)
				p := userPrompt(t, "o200k_base", "hi")
				wantP, wantQuota, source, state := int64(0), int64(0), "", "released"
				if policy == "prompt" {
					wantP, wantQuota, source, state = p, (3*p+9)/10, "local", "committed" // ceil(0.3 P)
					if wantQuota <= 0 {
						t.Fatalf("the prompt %d bills nothing: the case proves nothing", p)
					}
				}
				if row.Status != "client_aborted" || row.PromptTokens != wantP || row.CompletionTokens != 0 ||
					row.Quota != wantQuota || row.Uncollected != 0 || row.UsageSource != source ||
					row.SettleState != state || row.Attempts != 1 || row.ChannelId != chID || row.IsStream != slInt(stream) {
					t.Fatalf("row status %s P %d Q %d quota %d uncollected %d source %q state %s attempts %d channel %d "+
						"stream %d; want P %d quota %d source %q state %s", row.Status, row.PromptTokens,
						row.CompletionTokens, row.Quota, row.Uncollected, row.UsageSource, row.SettleState, row.Attempts,
						row.ChannelId, row.IsStream, wantP, wantQuota, source, state)
				}
				if net := slLedgerNet(t, a.UserID, row.RequestId); net != -wantQuota {
					t.Fatalf("ledger net on relay:%s = %d, want %d", row.RequestId, net, -wantQuota)
				}
				if b := balance(t, a.UserID); b.Available != slFunds-wantQuota || b.Frozen != 0 {
					t.Fatalf("balance %+v, want %d available", b, slFunds-wantQuota)
				}
				audit(t, a.UserID)
			})
		}
	}
}

func slInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
