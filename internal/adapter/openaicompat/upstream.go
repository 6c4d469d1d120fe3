// Package openaicompat is the relay's door to AI channels: any OpenAI-compatible HTTP API
// (OpenAI itself, vLLM, Ollama, other relays). The relay owns the narrow interface Upstream;
// HTTP is the real adapter and Fake (fake.go) an OpenAI-compatible server on 127.0.0.1 that
// tests point the real adapter at, so the real adapter's code runs in every test.
package openaicompat

import (
	"context"
	"fmt"
	"time"
)

// Target is one attempt's destination: a channel's base URL (the SDK base URL with its
// version path, trailing '/' trimmed) and one of its keys, decrypted.
type Target struct {
	BaseURL        string
	Key            string
	FirstByteLimit time.Duration // 0: no limit beyond the context
}

// Response is a 2xx answer: its status and body, passed to the client byte for byte.
type Response struct {
	Status int
	Body   []byte
}

// Upstream is what the relay needs from a channel. Every failure is a *Failure, classified
// per relay.md §4 so the caller decides on retries and channel health without parsing.
type Upstream interface {
	// Chat posts body (already rewritten: model mapped) to {baseUrl}/chat/completions.
	Chat(ctx context.Context, t Target, body []byte) (*Response, error)
	// Embeddings posts body to {baseUrl}/embeddings.
	Embeddings(ctx context.Context, t Target, body []byte) (*Response, error)
	Streamer
}

// Class is what a failed attempt means for the request and the channel.
type Class int

const (
	// Transient failures are retried on another channel and count towards cooling.
	Transient Class = iota + 1
	// Fatal failures (bad or exhausted key) are retried and disable the key if autoBan.
	Fatal
	// ModelMissing is retried and writes a model_missing event.
	ModelMissing
	// ClientFault (400, 413, 422, other 4xx) is passed through: the request is wrong.
	ClientFault
)

func (c Class) String() string {
	switch c {
	case Transient:
		return "transient"
	case Fatal:
		return "fatal"
	case ModelMissing:
		return "model_missing"
	case ClientFault:
		return "client"
	}
	return "unknown"
}

// Failure is one failed attempt. Status is 0 when no HTTP answer came (dial error, timeout,
// EOF); Type, Code, Param and Message are the upstream's OpenAI error fields when it sent them.
type Failure struct {
	Class      Class
	Status     int
	Timeout    bool
	RetryAfter string
	Type       string
	Code       string
	Param      *string
	Message    string
	Err        error
}

func (f *Failure) Error() string {
	if f.Err != nil {
		return fmt.Sprintf("upstream %s failure: %v", f.Class, f.Err)
	}
	return fmt.Sprintf("upstream %s failure: HTTP %d %s", f.Class, f.Status, f.Message)
}

func (f *Failure) Unwrap() error { return f.Err }

// Retryable reports whether another channel may be tried after this failure.
func (f *Failure) Retryable() bool { return f.Class != ClientFault }
