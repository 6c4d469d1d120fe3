package middleware

import (
	"encoding/json"
	"kami/utility/text"
	"regexp"
	"strings"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/net/ghttp"
	"github.com/gogf/gf/v2/net/gtrace"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/infra"
	"kami/internal/model/do"
	"kami/internal/principal"
)

const maxLoggedBody = 4096

// secretField matches request fields whose values never reach the log.
var secretField = regexp.MustCompile(`(?i)(password|secret|token|captcha|key|signature)`)

// OperationLog records every state-changing request (who, route, method, status, latency,
// trace id, redacted request fields), including ones refused by auth, for the audit trail.
// Reads are not logged: they change nothing and would drown the table.
func (s *sMiddleware) OperationLog(r *ghttp.Request) {
	start := time.Now()
	r.Middleware.Next()
	if r.Method == "GET" || r.Method == "HEAD" || r.Method == "OPTIONS" {
		return
	}
	ctx := r.Context()
	entry := do.OperationLogs{
		Method:    r.Method,
		Path:      text.Truncate(r.URL.Path, 255),
		Status:    r.Response.Status,
		LatencyMs: int(time.Since(start).Milliseconds()),
		TraceId:   gtrace.GetTraceID(ctx),
		Ip:        infra.ClientIP(r.Request),
		UserAgent: text.Truncate(r.UserAgent(), 255),
		Request:   Redact(r.GetBody()),
		CreatedAt: gtime.Now(),
	}
	if r.Router != nil {
		entry.Route = r.Router.Uri
		entry.Module = moduleOf(r.Router.Uri)
	}
	if p := principal.From(ctx); p != nil {
		entry.UserId, entry.Username = p.UserID, p.Username
	}
	if err := r.GetError(); err != nil {
		_, env := Failure(r, err)
		entry.Code, entry.Error = env.Code, text.Truncate(env.Message, 255)
	}
	if _, err := dao.OperationLogs.Ctx(ctx).Data(entry).Insert(); err != nil {
		g.Log().Warningf(ctx, "operation log: %v", err)
	}
}

// moduleOf is the first path segment after /api: "/api/system/user/{id}" -> "system".
func moduleOf(route string) string {
	parts := strings.Split(strings.TrimPrefix(route, "/api/"), "/")
	return text.Truncate(parts[0], 64)
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
	return text.Truncate(string(out), maxLoggedBody)
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

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
