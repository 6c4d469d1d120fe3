package cmd

import (
	"encoding/json"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/gogf/gf/v2/errors/gerror"
	"github.com/gogf/gf/v2/net/ghttp"
	"github.com/gogf/gf/v2/net/goai"

	"kami/internal/logic/middleware"
)

// The envelope as /api.json documents it (middleware.Envelope is what is written; its Data and
// Error are `any`, which says nothing to a reader). TestOpenAPIEnvelopeMatchesTheWire keeps the
// two in step.
type (
	okEnvelope struct {
		Code    int     `json:"code"    dc:"0"`
		Data    any     `json:"data"`
		Error   *string `json:"error"   dc:"null"`
		Message string  `json:"message" dc:"ok"`
		Reason  *string `json:"reason"  dc:"absent or null"`
	}
	failureEnvelope struct {
		Code    int     `json:"code"    dc:"business code, five digits, the first three the HTTP status (40009)"`
		Data    *string `json:"data"    dc:"null"`
		Error   string  `json:"error"   dc:"the detail a person reads, in the Accept-Language (zh-CN default, en); the stock Vben client shows it"`
		Message string  `json:"message" dc:"a localized summary"`
		Reason  string  `json:"reason"  dc:"the stable machine code programs key on (SORT_FIELD_INVALID)"`
	}
)

// failures are the statuses any admin route can answer, whatever its handler does.
var failures = map[int]string{
	http.StatusBadRequest:          "invalid input: a field, a sort, a filter (reason says which rule)",
	http.StatusNotFound:            "not found, also for a row outside the caller's data scope",
	http.StatusConflict:            "conflict: a duplicate, a stale state, an idempotency clash",
	http.StatusTooManyRequests:     "rate limited; Retry-After says when to try again",
	http.StatusInternalServerError: "internal error; the detail stays in the server log",
	http.StatusServiceUnavailable:  "a dependency (database, Redis) is down; nothing was changed",
}

var bodyFailures = map[int]string{
	http.StatusRequestTimeout:        "the body arrived too slowly",
	http.StatusRequestEntityTooLarge: "the body is over the limit (1 MB)",
	http.StatusUnsupportedMediaType:  "the body is not JSON",
}

// serveOpenAPI answers /api.json (server.openapiPath) with a document that says what a client
// really receives: gf's generator alone describes each route's bare response struct with a 200
// only. gf's own handler is switched off: it fills its document after the server already
// listens. This one is built from the routes on the first request, when every route is bound,
// and served from memory afterwards.
func serveOpenAPI(s *ghttp.Server) {
	path := s.GetOpenApiPath()
	if path == "" {
		return
	}
	s.SetOpenApiPath("")
	var (
		once sync.Once
		doc  []byte
		err  error
	)
	s.BindHandler("GET:"+path, func(r *ghttp.Request) {
		once.Do(func() { doc, err = openAPIDocument(s.GetRoutes()) })
		if err != nil {
			s.Logger().Errorf(r.Context(), "openapi: %+v", err)
			r.Response.WriteStatus(http.StatusInternalServerError)
			return
		}
		r.Response.Header().Set("Content-Type", "application/json")
		r.Response.Write(doc)
	})
}

// openAPIDocument generates the document of the strict routes (those bound from api structs)
// as gf does, with the envelope around every 200, then adds each route's failure statuses.
func openAPIDocument(routes []ghttp.RouterItem) ([]byte, error) {
	oai := goai.New()
	oai.Config.CommonResponse = okEnvelope{}
	oai.Config.CommonResponseDataField = "Data"
	if err := oai.Add(goai.AddInput{Object: failureEnvelope{}}); err != nil {
		return nil, err
	}
	if err := addOpenAPIComponents(oai); err != nil {
		return nil, err
	}
	failure := goai.SchemaRef{Ref: schemaName(failureEnvelope{})}
	if oai.Components.Schemas.Get(failure.Ref) == nil {
		return nil, gerror.Newf("openapi: no component %s", failure.Ref)
	}
	for _, item := range routes {
		if item.Type == ghttp.HandlerTypeMiddleware || item.Type == ghttp.HandlerTypeHook || !item.Handler.Info.IsStrictRoute {
			continue
		}
		methods := []string{strings.ToUpper(item.Method)}
		if methods[0] == "ALL" {
			methods = ghttp.SupportedMethods()
		}
		for _, method := range methods {
			err := oai.Add(goai.AddInput{Path: item.Route, Method: method, Object: item.Handler.Info.Value.Interface()})
			if err != nil {
				return nil, err
			}
			if op := operation(oai.Paths[item.Route], method); op != nil {
				if item.Handler.GetMetaTag(tagEnvelope) == envelopeOpenAPI {
					describeOpenAPI(oai, op, item.Handler)
				} else {
					describe(oai, op, item.Handler, method, failure)
				}
			}
		}
	}
	return json.Marshal(oai)
}

// describe sets the answers of one operation: what its 200 carries, and its failures by the
// route's options (auth tag: 401 unless public, 403 only when RBAC-checked).
func describe(oai *goai.OpenApiV3, op *goai.Operation, h *ghttp.HandlerItem, method string, failure goai.SchemaRef) {
	ok := op.Responses["200"]
	if ok.Value != nil {
		ok.Value.Description = "success: code 0, data the result"
		refData(oai, ok.Value, h)
		if mime := h.GetMetaTag("mime"); mime != "" {
			// A download: the file itself, no envelope (errors still get one).
			ok.Value.Description = "the file"
			ok.Value.Content = goai.Content{mime: {Schema: &goai.SchemaRef{Value: &goai.Schema{Type: "string", Format: "binary"}}}}
		} else if h.GetMetaTag(middleware.TagRaw) == "true" {
			rawAnswer(ok.Value, h)
		}
		op.Responses["200"] = ok
	}
	add := func(status int, text string) {
		op.Responses[strconv.Itoa(status)] = goai.ResponseRef{Value: &goai.Response{
			Description: text,
			Content:     goai.Content{"application/json": {Schema: &failure}},
		}}
	}
	for status, text := range failures {
		add(status, text)
	}
	if method == http.MethodPost || method == http.MethodPut || method == http.MethodPatch {
		for status, text := range bodyFailures {
			if status != http.StatusUnsupportedMediaType || h.GetMetaTag(middleware.TagStrict) != "off" {
				add(status, text)
			}
		}
	}
	switch h.GetMetaTag(middleware.TagAuth) {
	case middleware.AccessPublic:
	case middleware.AccessLogin:
		add(http.StatusUnauthorized, "not logged in, or the token is invalid or expired")
	default:
		add(http.StatusUnauthorized, "not logged in, or the token is invalid or expired")
		add(http.StatusForbidden, "the caller's role may not call this route")
	}
}

// refData points the envelope's data at the route's response struct by name, where gf copies
// the whole schema into every operation.
func refData(oai *goai.OpenApiV3, res *goai.Response, h *ghttp.HandlerItem) {
	name := responseSchema(oai, h)
	if name == "" {
		return
	}
	for _, media := range res.Content {
		if media.Schema != nil && media.Schema.Value != nil && media.Schema.Value.Properties != nil &&
			media.Schema.Value.Properties.Get("data") != nil {
			media.Schema.Value.Properties.Set("data", goai.SchemaRef{Ref: name})
		}
	}
}

// rawAnswer describes a raw:"true" route's 200: the bare result the handler writes, or, when
// its response struct has no fields (the refresh answers the access token itself), plain text.
func rawAnswer(res *goai.Response, h *ghttp.HandlerItem) {
	res.Description = "success: the bare result, no envelope"
	if t := h.Info.Type; t != nil && t.NumOut() == 2 {
		out := t.Out(0)
		for out.Kind() == reflect.Pointer {
			out = out.Elem()
		}
		if out.Kind() == reflect.Struct && out.NumField() == 0 {
			res.Content = goai.Content{"text/plain": {Schema: &goai.SchemaRef{Value: &goai.Schema{Type: "string"}}}}
			return
		}
	}
	unwrapData(res)
}

// unwrapData makes a raw:"true" route's 200 the bare result the handler writes.
func unwrapData(res *goai.Response) {
	for mime, media := range res.Content {
		if media.Schema == nil || media.Schema.Value == nil || media.Schema.Value.Properties == nil {
			continue
		}
		if data := media.Schema.Value.Properties.Get("data"); data != nil {
			media.Schema = data
			res.Content[mime] = media
		}
	}
}

func operation(p goai.Path, method string) *goai.Operation {
	switch method {
	case http.MethodGet:
		return p.Get
	case http.MethodPost:
		return p.Post
	case http.MethodPut:
		return p.Put
	case http.MethodPatch:
		return p.Patch
	case http.MethodDelete:
		return p.Delete
	}
	return nil
}

// schemaName is the component name gf gives a struct (its package path dotted, then its name).
func schemaName(v any) string {
	t := reflect.TypeOf(v)
	return strings.ReplaceAll(t.PkgPath(), "/", ".") + "." + t.Name()
}
