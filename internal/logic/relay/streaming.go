package relay

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

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

// liveStream is an upstream stream past its first event, on a context of its own so that a
// timeout can end it.
type liveStream struct {
	ev     *openaicompat.Events
	cancel context.CancelFunc
}

func (ls *liveStream) close() {
	ls.cancel()
	ls.ev.Close()
}

// openStream is one attempt before the commit point: the upstream answered 2xx and its first
// data event is in hand. Any failure up to here is retried on another channel invisibly. The
// first-byte limit covers the headers and the first event: a stream that answers 200 and then
// says nothing is as late as one that never answers.
func (s *sRelay) openStream(r *ghttp.Request, t openaicompat.Target, body []byte) (*liveStream, []byte, error) {
	ctx, cancel := context.WithCancel(r.Context())
	var late atomic.Bool
	var timer *time.Timer
	if t.FirstByteLimit > 0 {
		timer = time.AfterFunc(t.FirstByteLimit, func() { late.Store(true); cancel() })
		defer timer.Stop()
	}
	fail := func(f *openaicompat.Failure) (*liveStream, []byte, error) {
		cancel()
		if late.Load() && r.Context().Err() == nil {
			f.Class, f.Timeout, f.Err = openaicompat.Transient, true, errors.New("the upstream sent no first event in time")
		}
		return nil, nil, f
	}
	ev, err := s.up().Stream(ctx, t, body)
	if err != nil {
		f := &openaicompat.Failure{Class: openaicompat.Transient, Err: err}
		_ = errors.As(err, &f)
		return fail(f)
	}
	first, err := ev.Next()
	if err != nil {
		ev.Close()
		f := &openaicompat.Failure{Class: openaicompat.Transient, Err: err}
		if errors.Is(err, io.EOF) {
			f.Err = errors.New("the upstream ended the stream before its first event")
		}
		return fail(f)
	}
	var v chunkView
	if json.Unmarshal(first, &v) != nil || len(v.Error) > 0 {
		ev.Close()
		return fail(&openaicompat.Failure{Class: openaicompat.Transient, Message: "the upstream's first event is an error or not JSON"})
	}
	// Stop fails once the timer has fired (its callback may not have set late yet): the event
	// came as the limit passed, the context is being cancelled, and the stream with it.
	if timer != nil && !timer.Stop() {
		ev.Close()
		return fail(&openaicompat.Failure{Class: openaicompat.Transient, Timeout: true,
			Err: errors.New("the upstream sent no first event in time")})
	}
	return &liveStream{ev: ev, cancel: cancel}, first, nil
}

// upstreamEvent is one Next of the upstream stream, handed from its reader goroutine.
type upstreamEvent struct {
	payload []byte
	err     error
}

// events reads the stream on a goroutine of its own, so the pump can also wait on the timers
// (keep-alive, idle, duration) and on the client. It ends when the stream errs or stop closes.
func (ls *liveStream) events(stop <-chan struct{}) <-chan upstreamEvent {
	ch := make(chan upstreamEvent)
	go func() {
		for {
			p, err := ls.ev.Next()
			select {
			case ch <- upstreamEvent{p, err}:
			case <-stop:
				return
			}
			if err != nil {
				return
			}
		}
	}()
	return ch
}

// streamTimers are a committed stream's limits: a keep-alive comment after keepAlive of
// upstream silence, the end after idle of it, and the end at the request's deadline.
type streamTimers struct {
	keepAlive, idle, deadline *time.Timer
	every, idleFor            time.Duration
}

func newStreamTimers(kn knobs, idle time.Duration, left time.Duration) *streamTimers {
	return &streamTimers{keepAlive: time.NewTimer(kn.keepAlive), idle: time.NewTimer(idle),
		deadline: time.NewTimer(max(left, 0)), every: kn.keepAlive, idleFor: idle}
}

func (t *streamTimers) heard() {
	t.keepAlive.Reset(t.every)
	t.idle.Reset(t.idleFor)
}

func (t *streamTimers) stop() {
	t.keepAlive.Stop()
	t.idle.Stop()
	t.deadline.Stop()
}

// pump writes the stream from its first event to its end (the commit point is the first
// write) and returns how it ended.
func (s *sRelay) pump(r *ghttp.Request, q *request, c *channel, ls *liveStream, first []byte, st *streamState) (status, code string) {
	h := r.Response.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Accel-Buffering", "no")
	r.Response.WriteHeader(http.StatusOK)
	stop := make(chan struct{})
	defer close(stop)
	events := ls.events(stop)
	tm := newStreamTimers(q.kn, channelLimit(c.IdleS, q.kn.idle), q.kn.maxStream-s.now().Sub(q.started))
	defer tm.stop()
	gone := r.Context().Done()
	payload := first
	// Each chunk is parsed once, into a view reused chunk after chunk (the payload itself goes
	// out unchanged).
	var v chunkView
	parsed := json.Unmarshal(payload, &v) == nil
	for {
		if forward := st.observe(&v, parsed); forward {
			r.Response.Write("data: ")
			r.Response.Write(payload)
			r.Response.Write("\n\n")
			r.Response.Flush()
			// gf's Flush reports no error: a chunk written before the client's departure
			// was noticed counts as delivered.
			if parsed {
				st.count(&v)
			}
			if r.Context().Err() != nil {
				return "client_aborted", ""
			}
		}
		var e upstreamEvent
	wait:
		for {
			select {
			case e = <-events:
				tm.heard()
				break wait
			case <-gone:
				return "client_aborted", ""
			case <-tm.keepAlive.C:
				r.Response.Write(": keep-alive\n\n")
				r.Response.Flush()
				tm.keepAlive.Reset(tm.every)
			case <-tm.idle.C:
				// The timer ran while a slow client held up the write: an event already
				// waiting means the upstream was not idle.
				select {
				case e = <-events:
					tm.heard()
					break wait
				default:
				}
				return s.interrupt(r, "stream_timeout")
			case <-tm.deadline.C:
				return s.interrupt(r, "stream_timeout")
			}
		}
		if e.err == nil {
			v = chunkView{}
			if parsed = json.Unmarshal(e.payload, &v) == nil; parsed && len(v.Error) > 0 {
				return s.interrupt(r, "stream_interrupted")
			}
			payload = e.payload
			continue
		}
		if r.Context().Err() != nil {
			return "client_aborted", ""
		}
		if errors.Is(e.err, io.EOF) && (ls.ev.Done || st.finished) {
			r.Response.Write("data: [DONE]\n\n")
			r.Response.Flush()
			return "success", ""
		}
		return s.interrupt(r, "stream_interrupted")
	}
}

// interrupt ends a committed stream with an error event and no [DONE]: stream_interrupted
// (logged upstream_error) or stream_timeout (logged timeout).
func (s *sRelay) interrupt(r *ghttp.Request, code string) (string, string) {
	msg, status := "The upstream stream was interrupted.", "upstream_error"
	if code == "stream_timeout" {
		msg, status = "The upstream stream timed out.", "timeout"
	}
	r.Response.Write(`data: {"error":{"message":"` + msg + `","type":"upstream_error","param":null,"code":"` + code + `"}}` + "\n\n")
	r.Response.Flush()
	return status, code
}

// observe reads usage and finish_reason and says whether the payload goes to the client: a
// chunk with empty choices and no usage is dropped; a usage-only chunk only if asked for. v is
// the payload parsed (ok false: not JSON, forwarded as is).
func (st *streamState) observe(v *chunkView, ok bool) bool {
	if !ok {
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
func (st *streamState) count(v *chunkView) {
	for _, c := range v.Choices {
		before := st.delivered.Len()
		c.Delta.appendTo(&st.delivered)
		if st.delivered.Len() > before {
			st.chunks++
		}
	}
}

// finishStream pumps a committed stream and settles it: the upstream's usage if it sent one,
// else the local count of what was delivered (a normal end with no content still bills the
// local prompt, as a non-stream answer does); a failure or departure with nothing delivered is
// billed 0 (the prompt when the client left and emptyAbortBilling is prompt).
func (s *sRelay) finishStream(r *ghttp.Request, q *request, p *parsed, ls *liveStream, first []byte, o outcome) {
	st := &streamState{wantsUsage: p.includeUsage}
	o.status, o.errorCode = s.pump(r, q, o.channel, ls, first, st)
	ls.close()
	if o.status == "upstream_error" || o.status == "timeout" {
		upstreamError(o.channel.ID, "interrupted")
		// A failure after the commit point is the channel's as much as one before it.
		s.failed(r.Context(), o.channel, o.keyID, o.upstreamName, &openaicompat.Failure{Class: openaicompat.Transient}, q.kn)
	}
	o.httpStatus = http.StatusOK
	o.delivered = st.chunks > 0
	ctx := r.Context()
	switch {
	case o.status == "success" && st.usage != nil:
		o.usage, o.usageSource = *st.usage, "upstream"
	case !o.delivered && o.status != "success":
		o.usage, o.usageSource = s.abandonedUsage(ctx, q, p, o.status)
	case st.usage != nil:
		o.usage, o.usageSource = *st.usage, "upstream"
	default:
		o.usage = Usage{Prompt: localPrompt(ctx, p, q.price.Tokenizer),
			Completion: localCompletion(ctx, st.delivered.String(), q.price.Tokenizer)}
		o.usageSource = "local"
	}
	_ = s.settle(r.Context(), q, o)
}

// abandonedUsage is the usage of a request that delivered nothing: none, unless the client
// left and relay.emptyAbortBilling is prompt (then the local prompt count, §3).
func (s *sRelay) abandonedUsage(ctx context.Context, q *request, p *parsed, status string) (Usage, string) {
	if status != "client_aborted" || !q.kn.emptyAbortPrompt {
		return Usage{}, ""
	}
	return Usage{Prompt: localPrompt(ctx, p, q.price.Tokenizer)}, "local"
}
