package cmd

import (
	"net/http"
	"reflect"
	"strconv"

	"github.com/gogf/gf/v2/net/ghttp"
	"github.com/gogf/gf/v2/net/goai"

	"kami/sdk/go/kami"
)

// The OpenAPI third-party software calls (openapi.md) has an envelope, headers and failures of
// its own; its routes say so with envelope:"openapi" in g.Meta, and /api.json documents them
// as the contract does instead of as admin routes.
// The merchant API (camel-oil.md §4) shares the envelope and the request signing, but its
// answers are not Ed25519-signed in v1: its routes add answers:"unsigned".
const (
	tagEnvelope     = "envelope"
	envelopeOpenAPI = "openapi"
	tagAnswers      = "answers"
	answersUnsigned = "unsigned"
)

type (
	openapiSuccess struct {
		Code    int     `json:"code"    dc:"0"`
		Message string  `json:"message" dc:"ok"`
		Error   *string `json:"error"   dc:"null"`
		Data    any     `json:"data"`
	}
	openapiFailure struct {
		Code    int     `json:"code"    dc:"five digits, the first three the HTTP status (40141)"`
		Message string  `json:"message" dc:"what went wrong, in the Accept-Language (zh-CN default, en)"`
		Error   string  `json:"error"   dc:"the machine code: APP_KEY_INVALID, SIGNATURE_INVALID, TIMESTAMP_OUT_OF_WINDOW, NONCE_REPLAYED, BAD_REQUEST, BODY_TOO_LARGE, RATE_LIMITED or UNAVAILABLE"`
		Data    *string `json:"data"    dc:"null"`
	}
)

var openapiFailures = map[int]string{
	http.StatusBadRequest:            "BAD_REQUEST: malformed JSON, a missing or invalid field (message says which)",
	http.StatusUnauthorized:          "APP_KEY_INVALID, SIGNATURE_INVALID, TIMESTAMP_OUT_OF_WINDOW or NONCE_REPLAYED",
	http.StatusRequestEntityTooLarge: "BODY_TOO_LARGE: the body is over 64 KiB",
	http.StatusTooManyRequests:       "RATE_LIMITED: over the project's or the caller IP's limit (or the IP is banned); Retry-After says when",
	http.StatusServiceUnavailable:    "UNAVAILABLE: a dependency is down; the call changed nothing",
}

var signingHeaders = []struct{ name, text string }{
	{kami.HeaderAppKey, "the caller's appKey (a project's; on the merchant API the merchant's)"},
	{kami.HeaderTimestamp, "unix seconds, within 300 s of the server's clock"},
	{kami.HeaderNonce, "16 to 64 characters of [A-Za-z0-9_-], never reused within 600 s"},
	{kami.HeaderSignature, "lowercase hex HMAC-SHA256(appSecret, canonical request) — docs/openapi.md"},
}

var answerHeaders = map[string]string{
	kami.HeaderKid:               "the signing key's id (GET /openapi/v1/keys)",
	kami.HeaderTimestamp:         "unix seconds when the answer was made",
	kami.HeaderResponseSignature: "standard base64 Ed25519 over the canonical response (with the request's nonce)",
}

// addOpenAPIComponents registers the two envelopes once per document.
func addOpenAPIComponents(oai *goai.OpenApiV3) error {
	for _, v := range []any{openapiSuccess{}, openapiFailure{}} {
		if err := oai.Add(goai.AddInput{Object: v}); err != nil {
			return err
		}
	}
	return nil
}

// describeOpenAPI replaces an OpenAPI route's answers with the contract's: its success
// envelope around the response struct, signed unless the route is public, and its failures.
func describeOpenAPI(oai *goai.OpenApiV3, op *goai.Operation, h *ghttp.HandlerItem) {
	signed := h.GetMetaTag("auth") != "public"
	ok := &goai.Response{Description: "the answer; the business result is in data (valid/result), never in the HTTP status"}
	if base := oai.Components.Schemas.Get(schemaName(openapiSuccess{})); base != nil && base.Value != nil {
		s := *base.Value
		s.Properties = base.Value.Properties.Clone()
		if name := responseSchema(oai, h); name != "" {
			s.Properties.Set("data", goai.SchemaRef{Ref: name})
		}
		ok.Content = goai.Content{"application/json": {Schema: &goai.SchemaRef{Value: &s}}}
	}
	if signed && h.GetMetaTag(tagAnswers) != answersUnsigned {
		ok.Headers = goai.Headers{}
		for name, text := range answerHeaders {
			ok.Headers[name] = goai.HeaderRef{Value: &goai.Header{Parameter: goai.Parameter{
				Description: text, Schema: &goai.SchemaRef{Value: &goai.Schema{Type: "string"}}}}}
		}
	}
	if signed {
		for _, hd := range signingHeaders {
			op.Parameters = append(op.Parameters, goai.ParameterRef{Value: &goai.Parameter{Name: hd.name, In: "header",
				Required: true, Description: hd.text, Schema: &goai.SchemaRef{Value: &goai.Schema{Type: "string"}}}})
		}
	}
	op.Responses = goai.Responses{"200": goai.ResponseRef{Value: ok}}
	failure := goai.SchemaRef{Ref: schemaName(openapiFailure{})}
	for status, text := range openapiFailures {
		if !signed && status == http.StatusUnauthorized {
			continue
		}
		op.Responses[strconv.Itoa(status)] = goai.ResponseRef{Value: &goai.Response{
			Description: text, Content: goai.Content{"application/json": {Schema: &failure}}}}
	}
}

// responseSchema is the component name of a typed handler's response struct ("" if none).
func responseSchema(oai *goai.OpenApiV3, h *ghttp.HandlerItem) string {
	t := h.Info.Type
	if t == nil || t.NumOut() != 2 {
		return ""
	}
	out := t.Out(0)
	for out.Kind() == reflect.Pointer {
		out = out.Elem()
	}
	name := schemaName(reflect.New(out).Elem().Interface())
	if oai.Components.Schemas.Get(name) == nil {
		return ""
	}
	return name
}
