package openaicompat

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"time"
)

// maxAnswerBytes bounds a non-stream answer read into memory.
const maxAnswerBytes = 64 << 20

// HTTPOptions are the restart-only kami.relay.* transport settings.
type HTTPOptions struct {
	MaxIdleConnsPerHost int           // 256
	DialTimeout         time.Duration // 10 s
	FatalKeywords       func() []string
	// MaxLineBytes is kami.relay.maxSSELineBytes, read per stream (nil or ≤ 0: 4 MiB).
	MaxLineBytes func() int
}

// HTTP is the real adapter: plain net/http with a pooled transport. No client header reaches
// the upstream: each request is built from scratch.
type HTTP struct {
	client   *http.Client
	keywords func() []string
	maxLine  func() int
}

// NewHTTP builds the adapter. It never follows redirects: a channel that redirects is
// misconfigured, and following would send its key to another host.
func NewHTTP(o HTTPOptions) *HTTP {
	if o.MaxIdleConnsPerHost <= 0 {
		o.MaxIdleConnsPerHost = 256
	}
	if o.DialTimeout <= 0 {
		o.DialTimeout = 10 * time.Second
	}
	tr := &http.Transport{
		Proxy:               nil,
		DialContext:         (&net.Dialer{Timeout: o.DialTimeout, KeepAlive: 30 * time.Second, Control: checkLoopback}).DialContext,
		MaxIdleConns:        o.MaxIdleConnsPerHost * 4,
		MaxIdleConnsPerHost: o.MaxIdleConnsPerHost,
		IdleConnTimeout:     90 * time.Second,
		TLSHandshakeTimeout: o.DialTimeout,
		ForceAttemptHTTP2:   true,
	}
	return &HTTP{
		client: &http.Client{Transport: tr, CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		}},
		keywords: o.FatalKeywords,
		maxLine:  o.MaxLineBytes,
	}
}

// Chat implements Upstream.
func (h *HTTP) Chat(ctx context.Context, t Target, body []byte) (*Response, error) {
	return h.post(ctx, t, "/chat/completions", body)
}

// Embeddings implements Upstream.
func (h *HTTP) Embeddings(ctx context.Context, t Target, body []byte) (*Response, error) {
	return h.post(ctx, t, "/embeddings", body)
}

func (h *HTTP) post(ctx context.Context, t Target, path string, body []byte) (*Response, error) {
	if t.FirstByteLimit > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, t.FirstByteLimit)
		defer cancel()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, t.BaseURL+path, bytes.NewReader(body))
	if err != nil {
		return nil, &Failure{Class: Transient, Err: err}
	}
	req.Header.Set("Authorization", "Bearer "+t.Key)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	resp, err := h.client.Do(req)
	if err != nil {
		return nil, transportFailure(ctx, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswerBytes))
	if err != nil {
		return nil, transportFailure(ctx, err)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		var kw []string
		if h.keywords != nil {
			kw = h.keywords()
		}
		return nil, Classify(resp.StatusCode, resp.Header, data, kw)
	}
	// A 2xx that is not JSON is the upstream's fault, retried elsewhere.
	if !json.Valid(data) {
		return nil, &Failure{Class: Transient, Status: resp.StatusCode, Message: "the upstream answered invalid JSON"}
	}
	return &Response{Status: resp.StatusCode, Body: data}, nil
}

// transportFailure classifies an error with no HTTP answer: always transient; a timeout is
// marked so the final error can say upstream_timeout. A cancelled caller is passed on as is.
func transportFailure(ctx context.Context, err error) *Failure {
	f := &Failure{Class: Transient, Err: err}
	var ne net.Error
	if errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()) {
		f.Timeout = true
	}
	if ctx.Err() == context.Canceled {
		f.Err = context.Canceled
	}
	return f
}
