package openaicompat

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
)

// DefaultMaxLineBytes is kami.relay.maxSSELineBytes: bufio.Scanner's 64 KiB would cut a long
// tool-call chunk, so lines are read with bufio.Reader up to this bound.
const DefaultMaxLineBytes = 4 << 20

// ErrLineTooLong is an SSE line above the bound: a failure of the upstream.
var ErrLineTooLong = errors.New("openaicompat: SSE line too long")

// Events is an upstream SSE stream: Next returns each data payload unchanged; io.EOF at the
// end, with Done telling whether "[DONE]" was seen.
type Events struct {
	body    io.ReadCloser
	r       *bufio.Reader
	maxLine int
	Done    bool
}

// Streamer is the streaming side of Upstream.
type Streamer interface {
	// Stream posts body to {baseUrl}/chat/completions with Accept: text/event-stream. A
	// non-2xx answer is a *Failure; the caller reads events with Next and must Close.
	Stream(ctx context.Context, t Target, body []byte) (*Events, error)
}

// Stream implements Streamer. It leaves FirstByteLimit to the caller, who bounds the headers
// and the first event together (a 200 that then says nothing is as late as no answer).
func (h *HTTP) Stream(ctx context.Context, t Target, body []byte) (*Events, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, t.BaseURL+"/chat/completions", bytes.NewReader(body))
	if err != nil {
		return nil, &Failure{Class: Transient, Err: err}
	}
	req.Header.Set("Authorization", "Bearer "+t.Key)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "text/event-stream")
	resp, err := h.client.Do(req)
	if err != nil {
		return nil, transportFailure(ctx, err)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		defer resp.Body.Close()
		data, _ := io.ReadAll(io.LimitReader(resp.Body, maxAnswerBytes))
		var kw []string
		if h.keywords != nil {
			kw = h.keywords()
		}
		return nil, Classify(resp.StatusCode, resp.Header, data, kw)
	}
	maxLine := DefaultMaxLineBytes
	if h.maxLine != nil && h.maxLine() > 0 {
		maxLine = h.maxLine()
	}
	return NewEvents(resp.Body, maxLine), nil
}

// NewEvents reads SSE from body. The buffer is bufio's default 4 KiB, not a long line's size:
// a stream holds it for minutes and most lines are short; a longer one is assembled from
// several reads (readLine), up to maxLine.
func NewEvents(body io.ReadCloser, maxLine int) *Events {
	return &Events{body: body, r: bufio.NewReader(body), maxLine: maxLine}
}

// Close releases the connection.
func (e *Events) Close() { _ = e.body.Close() }

// Next returns the next data payload. Comment, event: and id: lines are dropped; "data:" with
// or without a space, CRLF or LF.
func (e *Events) Next() ([]byte, error) {
	for {
		line, err := e.readLine()
		if err != nil {
			return nil, err
		}
		payload, ok := bytes.CutPrefix(line, []byte("data:"))
		if !ok {
			continue
		}
		payload = bytes.TrimPrefix(payload, []byte(" "))
		if len(payload) == 0 {
			continue
		}
		if string(payload) == "[DONE]" {
			e.Done = true
			return nil, io.EOF
		}
		return payload, nil
	}
}

func (e *Events) readLine() ([]byte, error) {
	var buf []byte
	for {
		part, err := e.r.ReadSlice('\n')
		if len(buf)+len(part) > e.maxLine {
			return nil, ErrLineTooLong
		}
		buf = append(buf, part...)
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			if err == io.EOF && len(bytes.TrimSpace(buf)) > 0 {
				return bytes.TrimRight(buf, "\r\n"), nil
			}
			return nil, err
		}
		return bytes.TrimRight(buf, "\r\n"), nil
	}
}
