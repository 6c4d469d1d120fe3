package relay

import (
	"context"
	"encoding/json"
	"strings"
	"sync"
	"testing"

	"github.com/pkoukk/tiktoken-go"
)

// refEncodings is tiktoken-go used directly (the offline loader is the package's, set at init):
// the expected counts come from the library, not from the code under test.
var refEncodings sync.Map

// RefTokens is tiktoken's count of texts, each encoded on its own, with the named encoding; the
// HTTP tests of relay_test expect their counts from it too.
func RefTokens(t testing.TB, name string, texts ...string) int64 {
	t.Helper()
	v, ok := refEncodings.Load(name)
	if !ok {
		enc, err := tiktoken.GetEncoding(name)
		if err != nil {
			t.Fatal(err)
		}
		v, _ = refEncodings.LoadOrStore(name, enc)
	}
	var n int64
	for _, s := range texts {
		n += int64(len(v.(*tiktoken.Tiktoken).Encode(s, nil, nil)))
	}
	return n
}

func refCount(t *testing.T, name string) func(string) int64 {
	t.Helper()
	return func(s string) int64 { return RefTokens(t, name, s) }
}

var tokenizers = []string{"o200k_base", "cl100k_base"}

// The local prompt (relay.md §3): per message 3 + role + text parts (+ 1 + name), + 3 for the
// request; an image_url part 85, never fetched; tools their raw JSON; embeddings their input.
func TestLocalPromptRules(t *testing.T) {
	const tools = `[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object"}}}]`
	cases := []struct {
		name string
		body string
		k    kind
		want func(n func(string) int64) int64
	}{
		{"one message", `{"model":"m","messages":[{"role":"user","content":"hi"}]}`, kindChat,
			func(n func(string) int64) int64 { return 3 + n("user") + n("hi") + 3 }},
		{"several messages", `{"model":"m","messages":[{"role":"system","content":"Be brief."},` +
			`{"role":"user","content":"Bonjour! Où se trouve la bibliothèque municipale?"},` +
			`{"role":"assistant","content":"Rue de la Paix."},{"role":"user","content":"Привет, как дела? 你好世界"}]}`, kindChat,
			func(n func(string) int64) int64 {
				return 3 + n("system") + n("Be brief.") + 3 + n("user") + n("Bonjour! Où se trouve la bibliothèque municipale?") +
					3 + n("assistant") + n("Rue de la Paix.") + 3 + n("user") + n("Привет, как дела? 你好世界") + 3
			}},
		{"a name", `{"model":"m","messages":[{"role":"user","name":"alice_42","content":"hello there"}]}`, kindChat,
			func(n func(string) int64) int64 { return 3 + n("user") + 1 + n("alice_42") + n("hello there") + 3 }},
		{"image part", `{"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"What is this?"},` +
			`{"type":"image_url","image_url":{"url":"http://203.0.113.9/cat.png"}},{"type":"text","text":"Be precise."}]}]}`, kindChat,
			func(n func(string) int64) int64 {
				return 3 + n("user") + n("What is this?") + 85 + n("Be precise.") + 3
			}},
		{"tools", `{"model":"m","messages":[{"role":"user","content":"weather?"}],"tools":` + tools + `}`, kindChat,
			func(n func(string) int64) int64 { return 3 + n("user") + n("weather?") + 3 + n(tools) }},
		{"null content", `{"model":"m","messages":[{"role":"assistant","content":null},{"role":"user","content":"ok"}]}`, kindChat,
			func(n func(string) int64) int64 { return 3 + n("assistant") + 3 + n("user") + n("ok") + 3 }},
		{"special-token text", `{"model":"m","messages":[{"role":"user","content":"<|endoftext|> hi"}]}`, kindChat,
			func(n func(string) int64) int64 { return 3 + n("user") + n("<|endoftext|> hi") + 3 }},
		{"embeddings string", `{"model":"m","input":"Привет, как дела?"}`, kindEmbeddings,
			func(n func(string) int64) int64 { return n("Привет, как дела?") }},
		{"embeddings strings", `{"model":"m","input":["one two","Où se trouve"]}`, kindEmbeddings,
			func(n func(string) int64) int64 { return n("one two") + n("Où se trouve") }},
		{"embeddings token ids", `{"model":"m","input":[1,2,3,4]}`, kindEmbeddings,
			func(func(string) int64) int64 { return 4 }},
		{"embeddings token id lists", `{"model":"m","input":[[1,2],[3]]}`, kindEmbeddings,
			func(func(string) int64) int64 { return 3 }},
	}
	for _, tk := range tokenizers {
		n := refCount(t, tk)
		for _, c := range cases {
			t.Run(tk+"/"+c.name, func(t *testing.T) {
				p, aerr := parseBody([]byte(c.body), c.k, 1024)
				if aerr != nil {
					t.Fatal(aerr.Message)
				}
				if got, want := localPrompt(context.Background(), p, tk), c.want(n); got != want {
					t.Fatalf("local prompt = %d, want %d (estimate %d)", got, want, p.est)
				}
			})
		}
	}
}

// Each price's tokenizer gives its own count: the same text, two different numbers.
func TestLocalCountsFollowTheTokenizer(t *testing.T) {
	const text = "Bonjour! Où se trouve la bibliothèque municipale? Привет, как дела? 你好世界"
	o, cl := localCompletion(context.Background(), text, "o200k_base"), localCompletion(context.Background(), text, "cl100k_base")
	if o != refCount(t, "o200k_base")(text) || cl != refCount(t, "cl100k_base")(text) || o == cl {
		t.Fatalf("o200k %d, cl100k %d", o, cl)
	}
	if d := localCompletion(context.Background(), text, ""); d != o {
		t.Fatalf("no tokenizer named: %d, want the default o200k_base's %d", d, o)
	}
}

// The local completion is the delivered content + reasoning + tool-call name and arguments,
// encoded once; an error event's text never counts, nor does a usage-only chunk.
func TestLocalCompletionStream(t *testing.T) {
	payloads := []string{
		`{"choices":[{"index":0,"delta":{"role":"assistant","reasoning_content":"Let me think about the wea"}}]}`,
		`{"choices":[{"index":0,"delta":{"reasoning_content":"ther in Paris."}}]}`,
		`{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"c1","type":"function","function":{"name":"get_weather","arguments":""}}]}}]}`,
		`{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"city\":\"Paris\"}"}}]}}]}`,
		`{"choices":[{"index":0,"delta":{"content":"It is sun"}}]}`,
		`{"choices":[{"index":0,"delta":{"content":"ny."},"finish_reason":"stop"}]}`,
		`{"choices":[],"usage":{"prompt_tokens":1,"completion_tokens":2}}`,
		`{"error":{"message":"upstream exploded with many many words","type":"server_error"}}`,
	}
	delivered := "Let me think about the weather in Paris." + "get_weather" + `{"city":"Paris"}` + "It is sunny."
	for _, tk := range tokenizers {
		st := &streamState{}
		for _, p := range payloads {
			var v chunkView
			if err := json.Unmarshal([]byte(p), &v); err != nil {
				t.Fatal(err)
			}
			st.count(&v)
		}
		if st.delivered.String() != delivered || st.chunks != 6 {
			t.Fatalf("delivered %q in %d chunks", st.delivered.String(), st.chunks)
		}
		n := refCount(t, tk)
		if got := localCompletion(context.Background(), st.delivered.String(), tk); got != n(delivered) {
			t.Fatalf("%s: completion %d, want %d", tk, got, n(delivered))
		}
		// Encoded once: "wea"+"ther" is one word, not two pieces counted apart.
		if n("Let me think about the wea")+n("ther in Paris.") == n("Let me think about the weather in Paris.") {
			t.Fatalf("%s: the split word does not show encoding once", tk)
		}
	}
}

// A non-stream answer without usage: local counts of content + reasoning + tool calls; with
// usage, the upstream's numbers win.
func TestUsageOfNonStream(t *testing.T) {
	p, _ := parseBody([]byte(`{"model":"m","messages":[{"role":"user","content":"hi"}]}`), kindChat, 1024)
	body := `{"choices":[{"index":0,"message":{"role":"assistant","content":"Sunny, 21 °C.","reasoning_content":"Check the forecast.",` +
		`"tool_calls":[{"id":"c1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}}]}}]}`
	for _, tk := range tokenizers {
		n := refCount(t, tk)
		u, src := usageOf(context.Background(), []byte(body), p, tk)
		want := Usage{Prompt: 3 + n("user") + n("hi") + 3, Completion: n("Sunny, 21 °C." + "Check the forecast." + "get_weather" + `{"city":"Paris"}`)}
		if src != "local" || u != want {
			t.Fatalf("%s: %+v from %s, want %+v", tk, u, src, want)
		}
	}
	withUsage := `{"choices":[{"message":{"content":"x"}}],"usage":{"prompt_tokens":7,"completion_tokens":9,"prompt_tokens_details":{"cached_tokens":2}}}`
	if u, src := usageOf(context.Background(), []byte(withUsage), p, "o200k_base"); src != "upstream" || u != (Usage{Prompt: 7, Completion: 9, Cached: 2}) {
		t.Fatalf("upstream usage: %+v from %s", u, src)
	}
}

// Without a usable tokenizer or a countable body the request is still billed, on bytes÷3.
func TestLocalCountFallback(t *testing.T) {
	ctx := context.Background()
	p, _ := parseBody([]byte(`{"model":"m","messages":[{"role":"user","content":"hello world"}]}`), kindChat, 1024)
	if got := localPrompt(ctx, p, "p50k_unknown"); got != p.est {
		t.Fatalf("unknown tokenizer: prompt %d, want the estimate %d", got, p.est)
	}
	if got := localCompletion(ctx, "hello world", "p50k_unknown"); got != EstimatePromptTokens(len("hello world")) {
		t.Fatalf("unknown tokenizer: completion %d", got)
	}
	odd, _ := parseBody([]byte(`{"model":"m","messages":{"role":"user"}}`), kindChat, 1024)
	if got := localPrompt(ctx, odd, "o200k_base"); got != odd.est {
		t.Fatalf("messages not an array: prompt %d, want the estimate %d", got, odd.est)
	}
}

// Long texts are encoded in segments: cut at spaces the count is the whole text's; a long run
// without spaces is counted in bounded time (whole, the library is quadratic in it).
func TestCountSegments(t *testing.T) {
	enc, err := encodingOf("o200k_base")
	if err != nil {
		t.Fatal(err)
	}
	n := refCount(t, "o200k_base")
	prose := strings.Repeat("The quick brown fox, née Zoë, jumps over 1234 lazy dogs!  Twice\n\tand again. ", 200)
	if got, _ := countTokens(enc, prose); got != n(prose) {
		t.Fatalf("prose of %d bytes: %d, whole %d", len(prose), got, n(prose))
	}
	run := strings.Repeat("x", 4096)
	if got, _ := countTokens(enc, run); got != n(run) {
		t.Fatalf("run of 4 KiB: %d, whole %d", got, n(run))
	}
	if got, _ := countTokens(enc, strings.Repeat("é", 200_000)); got <= 0 {
		t.Fatalf("a 400 KB run: %d", got)
	}
}

// Encodings are built once and shared by concurrent settlements (run with -race).
func TestCountConcurrently(t *testing.T) {
	var wg sync.WaitGroup
	got := make([]int64, 16)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = localCompletion(context.Background(), "concurrent counting of the same words", tokenizers[i%2])
		}()
	}
	wg.Wait()
	for i, g := range got {
		if want := refCount(t, tokenizers[i%2])("concurrent counting of the same words"); g != want {
			t.Fatalf("goroutine %d: %d, want %d", i, g, want)
		}
	}
}
