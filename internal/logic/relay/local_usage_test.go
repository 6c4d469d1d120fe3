package relay_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"kami/internal/adapter/openaicompat"
	"kami/internal/dao"
	"kami/internal/logic/relay"
	"kami/internal/model/do"
	"kami/internal/service"
	"kami/internal/testkit"
)

// tokensOf is tiktoken's count of texts, each encoded on its own (relay.RefTokens).
func tokensOf(t testing.TB, name string, texts ...string) int64 {
	t.Helper()
	return relay.RefTokens(t, name, texts...)
}

// userPrompt is the local prompt of one plain user message: 3 + role + text, + 3.
func userPrompt(t testing.TB, enc, text string) int64 {
	return 3 + tokensOf(t, enc, "user", text) + 3
}

// setTokenizer points model's price at enc and refreshes the snapshot.
func setTokenizer(t *testing.T, model, enc string) {
	t.Helper()
	if _, err := dao.RelayPrices.Ctx(context.Background()).Where("model", model).
		Data(do.RelayPrices{Tokenizer: enc}).Update(); err != nil {
		t.Fatal(err)
	}
	service.Relay().Invalidate(context.Background())
}

// postJSON posts body to path with the key and reads the whole answer.
func postJSON(t *testing.T, path, key, body string) int {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, testkit.Current().BaseURL+path, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+key)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	// Read to the end: a client that leaves early is billed as client_aborted.
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode
}

// An upstream without usage, over HTTP, for each tokenizer: the log row's prompt and completion
// tokens are tiktoken's counts of exactly what was sent and delivered (several messages, a
// name, an image, tools; content, reasoning and a tool call), and the quota follows them
// (MR 1, CR 2: P + 2Q).
func TestLocalUsageOverHTTP(t *testing.T) {
	const tools = `[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object","properties":{"city":{"type":"string"}}}}}]`
	system, user, caption := "Réponds en français.", "Quel temps fait-il à Paris? 你好", "Et ça?"
	messages := `[{"role":"system","content":"` + system + `"},{"role":"user","name":"zoé","content":"` + user + `"},` +
		`{"role":"user","content":[{"type":"text","text":"` + caption + `"},{"type":"image_url","image_url":{"url":"http://203.0.113.7/x.png"}}]}]`
	content, reasoning, args := "Il fait beau, 21 °C.", "L'utilisateur veut la météo.", `{"city":"Paris"}`
	answer := map[string]any{"id": "c", "object": "chat.completion", "created": 1, "model": "m", "choices": []any{map[string]any{
		"index": 0, "finish_reason": "stop", "message": map[string]any{"role": "assistant", "content": content,
			"reasoning_content": reasoning, "tool_calls": []any{map[string]any{"id": "t1", "type": "function",
				"function": map[string]any{"name": "get_weather", "arguments": args}}}}}}}
	chunk := func(delta map[string]any, finish any) string {
		b, _ := json.Marshal(map[string]any{"id": "c", "object": "chat.completion.chunk", "created": 1, "model": "m",
			"choices": []any{map[string]any{"index": 0, "delta": delta, "finish_reason": finish}}})
		return "data: " + string(b) + "\n\n"
	}
	sse := chunk(map[string]any{"role": "assistant", "reasoning_content": reasoning[:9]}, nil) +
		chunk(map[string]any{"reasoning_content": reasoning[9:]}, nil) +
		chunk(map[string]any{"tool_calls": []any{map[string]any{"index": 0, "id": "t1", "type": "function",
			"function": map[string]any{"name": "get_weather", "arguments": args[:5]}}}}, nil) +
		chunk(map[string]any{"tool_calls": []any{map[string]any{"index": 0, "function": map[string]any{"arguments": args[5:]}}}}, nil) +
		chunk(map[string]any{"content": content[:7]}, nil) + chunk(map[string]any{"content": content[7:]}, nil) +
		chunk(map[string]any{}, "stop") + "data: [DONE]\n\n"
	for _, enc := range []string{"o200k_base", "cl100k_base"} {
		for _, stream := range []bool{false, true} {
			name := enc + "/non-stream"
			if stream {
				name = enc + "/stream"
			}
			t.Run(name, func(t *testing.T) {
				fake := fakeUpstream(t)
				body, _ := json.Marshal(answer)
				fake.SetDefault(openaicompat.Behaviour{Body: string(body)})
				if stream {
					fake.SetDefault(openaicompat.Behaviour{Body: sse})
				}
				m := testkit.UniqueName("gpt-local-")
				seedPrice(t, m, "1", "2")
				seedChannel(t, "local-"+m, fake.URL(), 0, 1, []string{m}, "sk-localKey000001")
				setTokenizer(t, m, enc)
				a := newAgent(t, 100000, 0)
				req := `{"model":"` + m + `","stream":` + map[bool]string{false: "false", true: "true"}[stream] +
					`,"messages":` + messages + `,"tools":` + tools + `}`
				if code := postJSON(t, "/v1/chat/completions", a.Key, req); code != 200 {
					t.Fatalf("status %d", code)
				}
				waitSettled(t, a.UserID)
				row := logRow(t, a.TokenID)
				wantP := 3 + tokensOf(t, enc, "system", system) + 3 + tokensOf(t, enc, "user", user) + 1 + tokensOf(t, enc, "zoé") +
					3 + tokensOf(t, enc, "user", caption) + 85 + 3 + tokensOf(t, enc, tools)
				wantQ := tokensOf(t, enc, reasoning+"get_weather"+args+content)
				if !stream {
					wantQ = tokensOf(t, enc, content+reasoning+"get_weather"+args)
				}
				if row.UsageSource != "local" || row.Status != "success" || row.PromptTokens != wantP ||
					row.CompletionTokens != wantQ || row.Quota != wantP+2*wantQ {
					t.Fatalf("row source %s status %s P %d Q %d quota %d, want P %d Q %d quota %d", row.UsageSource,
						row.Status, row.PromptTokens, row.CompletionTokens, row.Quota, wantP, wantQ, wantP+2*wantQ)
				}
				audit(t, a.UserID)
			})
		}
	}
}

// Embeddings without usage: the prompt is tiktoken's count of the inputs, the quota P × MR.
func TestLocalUsageEmbeddings(t *testing.T) {
	fake := fakeUpstream(t)
	fake.SetDefault(openaicompat.Behaviour{NoUsage: true})
	m := testkit.UniqueName("emb-local-")
	seedPrice(t, m, "2", "1")
	seedChannel(t, "emb-"+m, fake.URL(), 0, 1, []string{m}, "sk-embKey00000001")
	setTokenizer(t, m, "cl100k_base")
	a := newAgent(t, 100000, 0)
	inputs := []string{"Bonjour! Où se trouve la bibliothèque municipale?", "Привет, как дела?"}
	in, _ := json.Marshal(inputs)
	if code := postJSON(t, "/v1/embeddings", a.Key, `{"model":"`+m+`","input":`+string(in)+`}`); code != 200 {
		t.Fatalf("status %d", code)
	}
	waitSettled(t, a.UserID)
	row := logRow(t, a.TokenID)
	want := tokensOf(t, "cl100k_base", inputs...)
	if row.UsageSource != "local" || row.PromptTokens != want || row.CompletionTokens != 0 || row.Quota != 2*want {
		t.Fatalf("row source %s P %d Q %d quota %d, want P %d", row.UsageSource, row.PromptTokens,
			row.CompletionTokens, row.Quota, want)
	}
	audit(t, a.UserID)
}
