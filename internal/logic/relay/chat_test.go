package relay_test

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"

	"kami/internal/adapter/openaicompat"
	"kami/internal/dao"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/internal/testkit"
)

func chatParams(model string) openai.ChatCompletionNewParams {
	return openai.ChatCompletionNewParams{Model: model,
		Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage("hi")}}
}

func logRow(t *testing.T, tokenID int64) entity.RelayLogs {
	t.Helper()
	var rows []entity.RelayLogs
	if err := dao.RelayLogs.Ctx(context.Background()).Where("token_id", tokenID).Scan(&rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 {
		t.Fatalf("relay rows of token %d = %d, want 1", tokenID, len(rows))
	}
	return rows[0]
}

// A plain chat completion through the official SDK: the answer reaches it unchanged, the charge
// follows the contract's formula on the upstream's usage, and the ledger agrees.
func TestChatCompletionBilled(t *testing.T) {
	ctx := context.Background()
	fake := fakeUpstream(t)
	fake.SetDefault(openaicompat.Behaviour{Content: "Hi there", Usage: [3]int64{1000, 500, 0}})
	m := testkit.UniqueName("gpt")
	seedPrice(t, m, "0.075", "4")
	seedChannel(t, "c", fake.URL(), 0, 1, []string{m}, "sk-upstreamSecretKey123")
	service.Relay().Invalidate(ctx)
	a := newAgent(t, 10000, 0)

	c := sdk(a.Key)
	res, err := c.Chat.Completions.New(ctx, chatParams(m))
	if err != nil {
		t.Fatal(err)
	}
	if res.Choices[0].Message.Content != "Hi there" || res.Usage.PromptTokens != 1000 || res.Usage.CompletionTokens != 500 {
		t.Fatalf("answer %+v", res)
	}
	rec := fake.Requests()
	if len(rec) != 1 || rec[0].Authorization != "Bearer sk-upstreamSecretKey123" || rec[0].Header.Get("X-Stainless-Lang") != "" {
		t.Fatalf("upstream saw %+v", rec)
	}
	row := logRow(t, a.TokenID)
	if row.Status != "success" || row.Quota != 225 || row.SettleState != "committed" || row.UsageSource != "upstream" ||
		row.Attempts != 1 || len(row.RequestId) != 32 {
		t.Fatalf("log row %+v", row)
	}
	if b := balance(t, a.UserID); b.Available != 10000-225 {
		t.Fatalf("balance %+v", b)
	}
	audit(t, a.UserID)

	// Unread fields go upstream byte for byte; the answer comes back byte for byte.
	raw := `{"model":"` + m + `","messages":[{"role":"user","content":"hi"}],"temperature":0.70,"tools":[{"x":1}],"unknown_field":{"a":[1,2]}}`
	req, _ := http.NewRequest(http.MethodPost, testkit.Current().BaseURL+"/v1/chat/completions", strings.NewReader(raw))
	req.Header.Set("Authorization", "Bearer "+a.Key)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var got bytes.Buffer
	_, _ = got.ReadFrom(resp.Body)
	last := fake.Requests()[1]
	for _, frag := range []string{`"temperature":0.70`, `"tools":[{"x":1}]`, `"unknown_field":{"a":[1,2]}`} {
		if !strings.Contains(string(last.Body), frag) {
			t.Errorf("upstream body %s lacks %s", last.Body, frag)
		}
	}
	if resp.StatusCode != 200 || len(resp.Header.Get("X-Request-Id")) != 32 || !strings.Contains(got.String(), `"Hi there"`) {
		t.Fatalf("raw answer %d %s", resp.StatusCode, got.String())
	}
	audit(t, a.UserID)
}

// Admission: each refusal answers its OpenAI-shaped error, calls no upstream and writes no row.
func TestAdmissionErrors(t *testing.T) {
	ctx := context.Background()
	fake := fakeUpstream(t)
	m := testkit.UniqueName("gpt")
	disabled := testkit.UniqueName("gpt")
	seedPrice(t, m, "1", "1")
	seedPrice(t, disabled, "1", "1")
	seedChannel(t, "c", fake.URL(), 0, 1, []string{m}, "sk-k1")
	off := seedChannel(t, "off", fake.URL(), 0, 1, []string{disabled}, "sk-k2")
	if _, err := dao.RelayChannels.Ctx(ctx).WherePri(off).Data("status", 0).Update(); err != nil {
		t.Fatal(err)
	}
	service.Relay().Invalidate(ctx)
	rich := newAgent(t, 100000, 0)
	poor := newAgent(t, 0, 0)
	limited := newAgent(t, 100000, 5)
	picky := newAgent(t, 100000, 0)
	if _, err := dao.RelayTokens.Ctx(ctx).WherePri(picky.TokenID).Data("allowed_models", `["other"]`).Update(); err != nil {
		t.Fatal(err)
	}
	throttled := newAgent(t, 100000, 0)
	if _, err := dao.RelayTokens.Ctx(ctx).WherePri(throttled.TokenID).Data("rpm_limit", 1).Update(); err != nil {
		t.Fatal(err)
	}
	service.Relay().Invalidate(ctx)
	// The first request of the minute passes admission (and is refused later for its model).
	tcl := sdk(throttled.Key)
	if _, err := tcl.Chat.Completions.New(ctx, chatParams("nope-"+m)); err == nil {
		t.Fatal("an unpriced model was served")
	}

	cases := []struct {
		name   string
		key    string
		params openai.ChatCompletionNewParams
		status int
		code   string
		typ    string
	}{
		{"no key shape", "sk-short", chatParams(m), 401, "invalid_api_key", "invalid_request_error"},
		{"unknown key", "sk-" + strings.Repeat("A", 48), chatParams(m), 401, "invalid_api_key", "invalid_request_error"},
		{"missing model", rich.Key, chatParams(""), 400, "missing_required_parameter", "invalid_request_error"},
		{"empty messages", rich.Key, openai.ChatCompletionNewParams{Model: m, Messages: []openai.ChatCompletionMessageParamUnion{}}, 400, "missing_required_parameter", "invalid_request_error"},
		{"model not allowed", picky.Key, chatParams(m), 403, "model_not_allowed", "permission_error"},
		{"unpriced model", rich.Key, chatParams("nope-" + m), 404, "model_not_found", "invalid_request_error"},
		{"all channels off", rich.Key, chatParams(disabled), 503, "no_available_channel", "server_error"},
		{"rpm limit", throttled.Key, chatParams(m), 429, "rate_limit_exceeded", "rate_limit_error"},
		{"token quota", limited.Key, chatParams(m), 403, "token_quota_exhausted", "insufficient_quota"},
		{"user quota", poor.Key, chatParams(m), 403, "insufficient_user_quota", "insufficient_quota"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cl := sdk(c.key)
			_, err := cl.Chat.Completions.New(ctx, c.params)
			var apiErr *openai.Error
			if !errors.As(err, &apiErr) {
				t.Fatalf("err = %v", err)
			}
			if apiErr.StatusCode != c.status || apiErr.Code != c.code || apiErr.Type != c.typ ||
				!strings.Contains(apiErr.Message, "(request id: ") {
				t.Fatalf("got %d %s %s %q", apiErr.StatusCode, apiErr.Code, apiErr.Type, apiErr.Message)
			}
		})
	}
	if n := len(fake.Requests()); n != 0 {
		t.Fatalf("upstream called %d times", n)
	}
	for _, a := range []agent{rich, poor, limited, picky, throttled} {
		if n, _ := dao.RelayLogs.Ctx(ctx).Where("token_id", a.TokenID).Count(); n != 0 {
			t.Fatalf("refusals wrote %d rows", n)
		}
		audit(t, a.UserID)
	}
	// Other /v1 paths.
	cl := sdk(rich.Key)
	_, err := cl.Completions.New(ctx, openai.CompletionNewParams{Model: openai.CompletionNewParamsModel(m),
		Prompt: openai.CompletionNewParamsPromptUnion{OfString: openai.String("x")}}, option.WithMaxRetries(0))
	var apiErr *openai.Error
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 404 || apiErr.Code != "unknown_url" {
		t.Fatalf("unknown url: %v", err)
	}
}
