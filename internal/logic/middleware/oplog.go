package middleware

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"time"
	"unicode"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/net/ghttp"
	"github.com/gogf/gf/v2/net/gtrace"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/infra/peer"
	"kami/internal/model/do"
	"kami/internal/principal"
	"kami/utility/text"
)

const maxLoggedBody = 4096

// secretField matches request fields whose values never reach the log; a DERP serial and the
// issued codes (derp.md §5) are bearer secrets too.
var secretField = regexp.MustCompile(`(?i)(password|secret|token|captcha|key|signature|^serial$|^codes$)`)

// OperationLog records every state-changing request (who, route, method, status, latency,
// trace id, redacted request fields), including ones refused by auth, for the audit trail.
// Reads are not logged: they change nothing and would drown the table. What counts is the
// method of the route that runs, not the one on the request line.
//
// A mutation runs to its end once it has arrived, even if the client hangs up: its context
// is detached from the connection, so a client closing right after sending can no longer
// leave a committed change without its row (the insert used to fail on the cancelled
// context) or cut a transaction off halfway with a 500. A handler that wrote the row in its
// own transaction (AuditInTx) gets that row completed here instead of a second one.
func (s *sMiddleware) OperationLog(r *ghttp.Request) {
	st := &reqState{start: time.Now()}
	ctx := withState(r.Context(), st)
	if isRead(routeMethod(r)) || routeTag(r, TagOpLog) == OpLogOff {
		r.SetCtx(ctx)
		r.Middleware.Next()
		// A read that audits itself (an export handing out secrets) gets its row completed,
		// never a second one, and a read that did not stays unlogged.
		if st.auditID != 0 {
			s.completeLog(r, st, false)
		}
		return
	}
	r.SetCtx(context.WithoutCancel(ctx))
	r.Middleware.Next()
	if st.throttled {
		return
	}
	s.completeLog(r, st, true)
}

// completeLog fills in the answer (status, code, latency) of the row AuditInTx wrote, or, with
// insert, writes the request's row when there is none (or its transaction rolled back).
func (s *sMiddleware) completeLog(r *ghttp.Request, st *reqState, insert bool) {
	ctx := r.Context()
	entry := s.logEntry(ctx, r, st)
	entry.Status = r.Response.Status
	if entry.Status == 0 {
		entry.Status = http.StatusOK // what gf answers for a handler that set no status
	}
	entry.LatencyMs = int(time.Since(st.start).Milliseconds())
	if err := r.GetError(); err != nil {
		_, env := s.describe(ctx, err)
		entry.Code, entry.Error = env.Code, clip(detailOf(env))
	}
	if st.auditID != 0 {
		cols := dao.OperationLogs.Columns()
		res, err := dao.OperationLogs.Ctx(ctx).Where(cols.Id, st.auditID).Where(cols.TraceId, entry.TraceId).
			Data(do.OperationLogs{Status: entry.Status, Code: entry.Code, Error: entry.Error, LatencyMs: entry.LatencyMs}).
			Update()
		if err != nil {
			g.Log().Warningf(ctx, "operation log: completing row %d: %s", st.auditID, text.EscapeControl(err.Error()))
			return
		}
		// Zero rows: the transaction that wrote it rolled back, so this request has no row yet.
		// (The status always changes from 0, so an existing row always counts as affected.)
		if n, _ := res.RowsAffected(); n > 0 || !insert {
			return
		}
	}
	if !insert {
		return
	}
	if _, err := dao.OperationLogs.Ctx(ctx).Data(entry).Insert(); err != nil {
		g.Log().Warningf(ctx, "operation log: %s", text.EscapeControl(err.Error()))
	}
}

// logEntry is the row of the request as far as it is known before the answer: status 0.
// Every text that came from the client is escaped, so a %0a in a path or a line separator in a
// user agent cannot forge a line wherever the log is shown or exported.
func (s *sMiddleware) logEntry(ctx context.Context, r *ghttp.Request, st *reqState) do.OperationLogs {
	entry := do.OperationLogs{
		Method:    routeMethod(r),
		Path:      clip(r.URL.Path),
		Status:    0,
		TraceId:   gtrace.GetTraceID(ctx),
		Ip:        peer.IP(r.Request),
		UserAgent: clip(r.UserAgent()),
		CreatedAt: gtime.New(s.clock.Now()),
	}
	if st != nil {
		entry.LatencyMs = int(time.Since(st.start).Milliseconds())
		if st.bodyRead && !st.anonymous {
			entry.Request = Redact(st.body)
		}
	}
	if h := r.GetServeHandler(); h != nil && h.Handler != nil && h.Handler.Router != nil {
		entry.Route = clip(h.Handler.Router.Uri)
		entry.Module = moduleOf(h.Handler.Router.Uri)
	}
	if p := principal.From(ctx); p != nil {
		entry.UserId, entry.Username = p.UserID, text.Truncate(text.EscapeControl(p.Username), 64)
	}
	return entry
}

// clip escapes s for the log and fits it in a VARCHAR(255) column.
func clip(s string) string { return text.Truncate(text.EscapeControl(s), 255) }

// moduleOf is the first path segment after /api: "/api/system/user/{id}" -> "system".
func moduleOf(route string) string {
	parts := strings.Split(strings.TrimPrefix(route, "/api/"), "/")
	return text.Truncate(text.EscapeControl(parts[0]), 64)
}

// Redact returns the JSON body with secret-looking fields replaced, capped in size; a body that
// is not JSON is kept only as its length.
func Redact(body []byte) string {
	if len(body) == 0 {
		return ""
	}
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		return `{"_unparsed_bytes":` + itoa(len(body)) + `}`
	}
	out, _ := json.Marshal(redactValue(v))
	// JSON escapes the C0 controls already; DEL and the C1 controls it leaves as they are get
	// \u escapes, which keep the text valid JSON.
	return text.Truncate(escapeJSONControl(string(out)), maxLoggedBody)
}

func redactValue(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, val := range t {
			if secretField.MatchString(k) {
				t[k] = "***"
			} else {
				t[k] = redactValue(val)
			}
		}
	case []any:
		for i := range t {
			t[i] = redactValue(t[i])
		}
	}
	return v
}

func escapeJSONControl(s string) string {
	if !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	var b strings.Builder
	for _, c := range s {
		if unicode.IsControl(c) {
			fmt.Fprintf(&b, `\u%04x`, c)
		} else {
			b.WriteRune(c)
		}
	}
	return b.String()
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// detailOf is the readable detail of a failure envelope.
func detailOf(env Envelope) string {
	if d, ok := env.Error.(string); ok && d != "" {
		return d
	}
	return env.Message
}
