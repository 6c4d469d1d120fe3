package openaicompat

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"
)

// Behaviour is what the fake answers to one request. The zero value is a 200 chat completion
// with Content "Hello!" and usage {prompt 10, completion 5}.
type Behaviour struct {
	Status  int           // non-2xx: an OpenAI error body (ErrType, ErrCode, Message) unless Body is set
	Body    string        // sent as is when set
	Delay   time.Duration // before the answer; cut short when the caller goes away
	Content string
	NoUsage bool
	Usage   [3]int64 // prompt, completion, cached; zero: {10, 5, 0}
	ErrType string
	ErrCode string
	Message string
	Header  map[string]string
	// Streaming (a request with "stream":true): Chunks content chunks (0: 3) Gap apart, then a
	// finish chunk, a usage chunk unless NoUsage, and [DONE] unless NoDone. DropAfter > 0 cuts
	// the connection after that many chunks; ErrorAfter > 0 sends an error event instead.
	Chunks     int
	Gap        time.Duration
	DropAfter  int
	ErrorAfter int
	NoDone     bool
	// LongLine > 0 gives content chunk LongLineAt that many bytes of content: one SSE line
	// longer than bufio.Scanner's 64 KiB, or than the relay's maxSSELineBytes.
	LongLine   int
	LongLineAt int
}

// Recorded is one request the fake received.
type Recorded struct {
	Path          string
	Authorization string
	Accept        string
	Header        http.Header
	Body          []byte
	Cancelled     bool
}

// Fake is an OpenAI-compatible server on 127.0.0.1. Behaviours are picked per request: queued
// ones first (Push), then the default (SetDefault).
type Fake struct {
	srv *httptest.Server

	mu       sync.Mutex
	queue    []Behaviour
	def      Behaviour
	requests []Recorded
}

// NewFake starts the fake on a loopback port; Close stops it.
func NewFake() *Fake {
	f := &Fake{}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	return f
}

// URL is the base URL a channel uses (with the /v1 version path).
func (f *Fake) URL() string { return f.srv.URL + "/v1" }

// Close stops the server.
func (f *Fake) Close() { f.srv.Close() }

// SetDefault sets the behaviour for requests with nothing queued.
func (f *Fake) SetDefault(b Behaviour) {
	f.mu.Lock()
	f.def = b
	f.mu.Unlock()
}

// Push queues behaviours for the next requests, in order.
func (f *Fake) Push(b ...Behaviour) {
	f.mu.Lock()
	f.queue = append(f.queue, b...)
	f.mu.Unlock()
}

// Requests returns a copy of what the fake received so far.
func (f *Fake) Requests() []Recorded {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]Recorded(nil), f.requests...)
}

// Reset forgets recorded requests and queued behaviours.
func (f *Fake) Reset() {
	f.mu.Lock()
	f.queue, f.requests, f.def = nil, nil, Behaviour{}
	f.mu.Unlock()
}

func (f *Fake) next(rec Recorded) (Behaviour, int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	b := f.def
	if len(f.queue) > 0 {
		b, f.queue = f.queue[0], f.queue[1:]
	}
	f.requests = append(f.requests, rec)
	return b, len(f.requests) - 1
}

func (f *Fake) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	b, idx := f.next(Recorded{Path: r.URL.Path, Authorization: r.Header.Get("Authorization"),
		Accept: r.Header.Get("Accept"), Header: r.Header.Clone(), Body: body})
	if b.Delay > 0 {
		select {
		case <-time.After(b.Delay):
		case <-r.Context().Done():
			f.mu.Lock()
			f.requests[idx].Cancelled = true
			f.mu.Unlock()
			return
		}
	}
	for k, v := range b.Header {
		w.Header().Set(k, v)
	}
	w.Header().Set("Content-Type", "application/json")
	status := b.Status
	if status == 0 {
		status = http.StatusOK
	}
	if b.Body != "" {
		w.WriteHeader(status)
		_, _ = io.WriteString(w, b.Body)
		return
	}
	if status < 200 || status > 299 {
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(map[string]any{"error": map[string]any{
			"message": b.Message, "type": b.ErrType, "param": nil, "code": nullable(b.ErrCode)}})
		return
	}
	var req struct {
		Model  string `json:"model"`
		Stream bool   `json:"stream"`
	}
	_ = json.Unmarshal(body, &req)
	if req.Stream {
		if f.stream(w, r, req.Model, b) {
			f.mu.Lock()
			f.requests[idx].Cancelled = true
			f.mu.Unlock()
		}
		return
	}
	w.WriteHeader(status)
	_, _ = w.Write(answer(r.URL.Path, req.Model, b))
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// answer builds a 2xx body for the path: a chat completion or an embeddings list.
func answer(path, model string, b Behaviour) []byte {
	u := b.Usage
	if u == [3]int64{} {
		u = [3]int64{10, 5, 0}
	}
	usage := map[string]any{"prompt_tokens": u[0], "completion_tokens": u[1], "total_tokens": u[0] + u[1],
		"prompt_tokens_details": map[string]any{"cached_tokens": u[2]}}
	var out map[string]any
	if path == "/v1/embeddings" {
		usage = map[string]any{"prompt_tokens": u[0], "total_tokens": u[0]}
		out = map[string]any{"object": "list", "model": model,
			"data": []any{map[string]any{"object": "embedding", "index": 0, "embedding": []float64{0.1, -0.2, 0.3}}}}
	} else {
		content := b.Content
		if content == "" {
			content = "Hello!"
		}
		out = map[string]any{"id": fmt.Sprintf("chatcmpl-fake%d", time.Now().UnixNano()), "object": "chat.completion",
			"created": 1700000000, "model": model,
			"choices": []any{map[string]any{"index": 0, "finish_reason": "stop",
				"message": map[string]any{"role": "assistant", "content": content}}}}
	}
	if !b.NoUsage {
		out["usage"] = usage
	}
	data, _ := json.Marshal(out)
	return data
}

// stream writes an SSE answer; true when the client went away first.
func (f *Fake) stream(w http.ResponseWriter, r *http.Request, model string, b Behaviour) bool {
	w.Header().Set("Content-Type", "text/event-stream")
	w.WriteHeader(http.StatusOK)
	fl, _ := w.(http.Flusher)
	n := b.Chunks
	if n == 0 {
		n = 3
	}
	send := func(v any) {
		data, _ := json.Marshal(v)
		_, _ = fmt.Fprintf(w, "data: %s\n\n", data)
		if fl != nil {
			fl.Flush()
		}
	}
	chunk := func(delta map[string]any, finish any) map[string]any {
		return map[string]any{"id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": 1700000000, "model": model,
			"choices": []any{map[string]any{"index": 0, "delta": delta, "finish_reason": finish}}}
	}
	for i := 0; i < n; i++ {
		if b.DropAfter > 0 && i == b.DropAfter {
			panic(http.ErrAbortHandler) // cuts the connection without a clean end
		}
		if b.ErrorAfter > 0 && i == b.ErrorAfter {
			send(map[string]any{"error": map[string]any{"message": "upstream exploded", "type": "server_error"}})
			return false
		}
		if b.Gap > 0 && i > 0 {
			select {
			case <-time.After(b.Gap):
			case <-r.Context().Done():
				return true
			}
		}
		if r.Context().Err() != nil {
			return true
		}
		content := fmt.Sprintf("tok%d ", i)
		if b.LongLine > 0 && i == b.LongLineAt {
			content = strings.Repeat("x", b.LongLine)
		}
		send(chunk(map[string]any{"content": content}, nil))
	}
	send(chunk(map[string]any{}, "stop"))
	if !b.NoUsage {
		u := b.Usage
		if u == [3]int64{} {
			u = [3]int64{10, int64(n), 0}
		}
		send(map[string]any{"id": "chatcmpl-fake", "object": "chat.completion.chunk", "model": model, "choices": []any{},
			"usage": map[string]any{"prompt_tokens": u[0], "completion_tokens": u[1], "total_tokens": u[0] + u[1]}})
	}
	if !b.NoDone {
		_, _ = io.WriteString(w, "data: [DONE]\n\n")
	}
	return false
}
