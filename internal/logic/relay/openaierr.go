package relay

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strings"

	"github.com/gogf/gf/v2/i18n/gi18n"
	"github.com/gogf/gf/v2/net/ghttp"
)

// apiError is one OpenAI-shaped error answer of /v1 (relay.md §2). type and code are never
// translated.
type apiError struct {
	Status     int
	Type       string
	Code       string
	Param      *string
	Message    string
	RetryAfter string
	// own: the relay's message (not an upstream's, passed through), translated as
	// relay.error.<code> with arg when the client prefers Chinese.
	own bool
	arg string
}

func newAPIError(status int, code, message string) *apiError {
	typ := "invalid_request_error"
	switch {
	case code == "token_quota_exhausted" || code == "insufficient_user_quota":
		typ = "insufficient_quota"
	case status == http.StatusForbidden:
		typ = "permission_error"
	case status == http.StatusTooManyRequests:
		typ = "rate_limit_error"
	case status == http.StatusBadGateway || status == http.StatusGatewayTimeout:
		typ = "upstream_error"
	case status >= 500:
		typ = "server_error"
	}
	return &apiError{Status: status, Type: typ, Code: code, Message: message, own: true}
}

// withArg names the message's variable part (a model, a parameter, a path) for its translation.
func (e *apiError) withArg(a string) *apiError {
	e.arg = a
	return e
}

func (e *apiError) withParam(p string) *apiError {
	e.Param = &p
	return e
}

// write sends the error with the request id in its message: English, or Chinese when the
// client's Accept-Language prefers it (/v1 has no I18n middleware: SDKs send no such header,
// and OpenAI's clients expect English).
func (e *apiError) write(r *ghttp.Request, rid string) {
	msg := e.Message
	if e.own && prefersChinese(r.Header.Get("Accept-Language")) {
		key := "relay.error." + e.Code
		ctx := gi18n.WithLanguage(r.Context(), "zh-CN")
		var zh string
		if e.arg != "" {
			zh = gi18n.Tf(ctx, key, e.arg)
		} else {
			zh = gi18n.T(ctx, key)
		}
		if zh != "" && !strings.HasPrefix(zh, key) {
			msg = zh
		}
	}
	body, _ := json.Marshal(map[string]any{"error": map[string]any{
		"message": msg + " (request id: " + rid + ")", "type": e.Type, "param": e.Param, "code": e.Code}})
	if e.RetryAfter != "" {
		r.Response.Header().Set("Retry-After", e.RetryAfter)
	}
	r.Response.Header().Set("Content-Type", "application/json")
	r.Response.WriteHeader(e.Status)
	r.Response.Write(body)
}

// prefersChinese reads Accept-Language in order: the first zh or en tag decides; none is English.
func prefersChinese(header string) bool {
	for _, part := range strings.Split(header, ",") {
		tag := strings.ToLower(strings.TrimSpace(strings.SplitN(part, ";", 2)[0]))
		switch {
		case strings.HasPrefix(tag, "zh"):
			return true
		case strings.HasPrefix(tag, "en"):
			return false
		}
	}
	return false
}

var secretPattern = regexp.MustCompile(`sk-[A-Za-z0-9_-]{8,}`)

// sanitize strips what an upstream message must not leak: the channel key, any sk- key, the
// upstream host; at most 512 characters.
func sanitize(msg, channelKey, baseURL string) string {
	if channelKey != "" {
		msg = strings.ReplaceAll(msg, channelKey, "sk-***")
	}
	msg = secretPattern.ReplaceAllString(msg, "sk-***")
	if host := hostOf(baseURL); host != "" {
		msg = strings.ReplaceAll(msg, host, "")
	}
	if len(msg) > 512 {
		msg = msg[:512]
	}
	return msg
}

func hostOf(baseURL string) string {
	s := baseURL
	if i := strings.Index(s, "://"); i >= 0 {
		s = s[i+3:]
	}
	if i := strings.IndexByte(s, '/'); i >= 0 {
		s = s[:i]
	}
	return s
}
