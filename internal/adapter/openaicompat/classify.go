package openaicompat

import (
	"encoding/json"
	"net/http"
	"strings"
)

// DefaultFatalKeywords are the phrases of a dead or unpaid key in a 402/403/429 body (the
// setting relay.fatalKeywords overrides them).
var DefaultFatalKeywords = []string{
	"exceeded your current quota", "api key not valid", "credit balance",
	"organization has been disabled", "已欠费",
}

// fatalCodes are the OpenAI error types/codes that mean the key itself is unusable.
var fatalCodes = map[string]bool{
	"invalid_api_key": true, "account_deactivated": true, "authentication_error": true,
	"permission_error": true, "insufficient_quota": true, "billing_not_active": true,
}

type errorBody struct {
	Error *struct {
		Message string          `json:"message"`
		Type    string          `json:"type"`
		Param   *string         `json:"param"`
		Code    json.RawMessage `json:"code"`
	} `json:"error"`
}

// Classify turns a non-2xx answer into a Failure (relay.md §4's table). keywords are the
// fatal phrases; nil means DefaultFatalKeywords.
func Classify(status int, header http.Header, body []byte, keywords []string) *Failure {
	f := &Failure{Status: status, RetryAfter: header.Get("Retry-After")}
	var eb errorBody
	if json.Unmarshal(body, &eb) == nil && eb.Error != nil {
		f.Type, f.Param, f.Message = eb.Error.Type, eb.Error.Param, eb.Error.Message
		f.Code = codeString(eb.Error.Code)
	} else {
		f.Message = strings.TrimSpace(string(body))
	}
	if keywords == nil {
		keywords = DefaultFatalKeywords
	}
	switch {
	case status == http.StatusUnauthorized || fatalCodes[f.Type] || fatalCodes[f.Code]:
		f.Class = Fatal
	case (status == http.StatusPaymentRequired || status == http.StatusForbidden || status == http.StatusTooManyRequests) &&
		containsAny(strings.ToLower(string(body)), keywords):
		f.Class = Fatal
	case status == http.StatusRequestTimeout || status == http.StatusTooManyRequests || status >= 500:
		f.Class = Transient
		f.Timeout = status == http.StatusRequestTimeout || status == http.StatusGatewayTimeout
	case status == http.StatusNotFound && (f.Code == "model_not_found" || strings.Contains(f.Message, "does not exist") ||
		strings.Contains(strings.ToLower(f.Message), "model not found")):
		f.Class = ModelMissing
	default:
		f.Class = ClientFault
	}
	return f
}

// codeString reads an OpenAI error code, which some servers send as a number.
func codeString(raw json.RawMessage) string {
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(raw)
}

func containsAny(s string, keywords []string) bool {
	for _, k := range keywords {
		if k != "" && strings.Contains(s, strings.ToLower(k)) {
			return true
		}
	}
	return false
}
