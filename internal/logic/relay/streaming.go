package relay

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"

	"github.com/gogf/gf/v2/net/ghttp"

	"kami/internal/adapter/openaicompat"
)

// chunkView is the little the relay reads of a stream chunk; the payload itself is forwarded
// unchanged, never re-marshalled.
type chunkView struct {
	Error   json.RawMessage `json:"error"`
	Choices []struct {
		Delta        textParts `json:"delta"`
		FinishReason *string   `json:"finish_reason"`
	} `json:"choices"`
	Usage *upstreamUsage `json:"usage"`
}

// streamState follows one stream after the commit point.
type streamState struct {
	// delivered is the text that reached the client (content, reasoning, tool calls), kept
	// whole: encoded once at the end, a token split across chunks counts once.
	delivered  strings.Builder
	chunks     int
	usage      *Usage
	finished   bool
	wantsUsage bool
}

// openStream is one attempt before the commit point: the upstream answered 2xx and its first
// data event is in hand. Any failure up to here is retried on another channel invisibly.
func (s *sRelay) openStream(r *ghttp.Request, t openaicompat.Target, body []byte) (*openaicompat.Events, []byte, error) {
	ev, err := s.upstream.Stream(r.Context(), t, body)
	if err != nil {
		return nil, nil, err
	}
	first, err := ev.Next()
	if err != nil {
		ev.Close()
		f := &openaicompat.Failure{Class: openaicompat.Transient, Err: err}
		if errors.Is(err, io.EOF) {
			f.Err = errors.New("the upstream ended the stream before its first event")
		}
		return nil, nil, f
	}
	var v chunkView
	if json.Unmarshal(first, &v) != nil || len(v.Error) > 0 {
		ev.Close()
		return nil, nil, &openaicompat.Failure{Class: openaicompat.Transient, Message: "the upstream's first event is an error or not JSON"}
	}
	return ev, first, nil
}

// pump writes the stream from its first event to its end (the commit point is the first
// write) and returns how it ended.
func (s *sRelay) pump(r *ghttp.Request, ev *openaicompat.Events, first []byte, st *streamState) (status, code string) {
	h := r.Response.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Accel-Buffering", "no")
	r.Response.WriteHeader(http.StatusOK)
	payload := first
	for {
		if r.Context().Err() != nil {
			return "client_aborted", ""
		}
		if forward := st.observe(payload); forward {
			r.Response.Write("data: ")
			r.Response.Write(payload)
			r.Response.Write("\n\n")
			r.Response.Flush()
			// gf's Flush reports no error: a chunk written before the client's departure
			// was noticed counts as delivered.
			st.count(payload)
			if r.Context().Err() != nil {
				return "client_aborted", ""
			}
		}
		var err error
		payload, err = ev.Next()
		if err == nil {
			var v chunkView
			if json.Unmarshal(payload, &v) == nil && len(v.Error) > 0 {
				return s.interrupt(r, "stream_interrupted")
			}
			continue
		}
		if r.Context().Err() != nil {
			return "client_aborted", ""
		}
		if errors.Is(err, io.EOF) && (ev.Done || st.finished) {
			r.Response.Write("data: [DONE]\n\n")
			r.Response.Flush()
			return "success", ""
		}
		return s.interrupt(r, "stream_interrupted")
	}
}

// interrupt ends a committed stream with an error event and no [DONE].
func (s *sRelay) interrupt(r *ghttp.Request, code string) (string, string) {
	r.Response.Write(`data: {"error":{"message":"The upstream stream was interrupted.","type":"upstream_error","param":null,"code":"` + code + `"}}` + "\n\n")
	r.Response.Flush()
	return "upstream_error", code
}

// observe reads usage and finish_reason and says whether the payload goes to the client: a
// chunk with empty choices and no usage is dropped; a usage-only chunk only if asked for.
func (st *streamState) observe(payload []byte) bool {
	var v chunkView
	if json.Unmarshal(payload, &v) != nil {
		return true
	}
	if v.Usage != nil {
		u := v.Usage.usage()
		st.usage = &u
	}
	for _, c := range v.Choices {
		if c.FinishReason != nil && *c.FinishReason != "" {
			st.finished = true
		}
	}
	if len(v.Choices) == 0 {
		return v.Usage != nil && st.wantsUsage
	}
	return true
}

// count keeps a delivered chunk's text for the local completion count.
func (st *streamState) count(payload []byte) {
	var v chunkView
	if json.Unmarshal(payload, &v) != nil {
		return
	}
	for _, c := range v.Choices {
		before := st.delivered.Len()
		c.Delta.appendTo(&st.delivered)
		if st.delivered.Len() > before {
			st.chunks++
		}
	}
}

// finishStream pumps a committed stream and settles it: the upstream's usage if it sent one,
// else the local count of what was delivered; nothing delivered is billed 0.
func (s *sRelay) finishStream(r *ghttp.Request, q *request, p *parsed, ev *openaicompat.Events, first []byte, o outcome) {
	st := &streamState{wantsUsage: p.includeUsage}
	o.status, o.errorCode = s.pump(r, ev, first, st)
	ev.Close()
	if o.status == "upstream_error" {
		upstreamError(o.channel.ID, "interrupted")
	}
	o.httpStatus = http.StatusOK
	o.delivered = st.chunks > 0
	switch {
	case o.status == "success" && st.usage != nil:
		o.usage, o.usageSource = *st.usage, "upstream"
	case !o.delivered:
		o.usage, o.usageSource = Usage{}, ""
	case st.usage != nil:
		o.usage, o.usageSource = *st.usage, "upstream"
	default:
		ctx := r.Context()
		o.usage = Usage{Prompt: localPrompt(ctx, p, q.price.Tokenizer),
			Completion: localCompletion(ctx, st.delivered.String(), q.price.Tokenizer)}
		o.usageSource = "local"
	}
	_ = s.settle(r.Context(), q, o)
}
