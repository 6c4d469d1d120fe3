package relay

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strings"

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
	return &apiError{Status: status, Type: typ, Code: code, Message: message}
}

func (e *apiError) withParam(p string) *apiError {
	e.Param = &p
	return e
}

// write sends the error with the request id in its message.
func (e *apiError) write(r *ghttp.Request, rid string) {
	body, _ := json.Marshal(map[string]any{"error": map[string]any{
		"message": e.Message + " (request id: " + rid + ")", "type": e.Type, "param": e.Param, "code": e.Code}})
	if e.RetryAfter != "" {
		r.Response.Header().Set("Retry-After", e.RetryAfter)
	}
	r.Response.Header().Set("Content-Type", "application/json")
	r.Response.WriteHeader(e.Status)
	r.Response.Write(body)
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
