package middleware

import (
	"encoding/json"
	"mime"
	"reflect"
	"sort"
	"strings"
	"sync"

	"github.com/gogf/gf/v2/net/ghttp"

	"kami/internal/errs"
)

// fieldsByType caches the JSON field names each request struct accepts.
var fieldsByType sync.Map // reflect.Type -> map[string]bool

// Strict holds JSON endpoints to their contract. A body that is not JSON is refused with 415:
// gf would otherwise parse text/plain or a form as key=value pairs, and the unknown-field rule
// below would never see them. A JSON body that carries a field the endpoint does not define is
// refused naming the fields: a misspelled or outdated field would otherwise be dropped silently
// and the call would "succeed" doing something else than the caller meant. An empty body of
// any type passes; strict:"off" (options.go) turns both rules off for a route.
func (s *sMiddleware) Strict(r *ghttp.Request) {
	body := r.GetBody()
	h := r.GetServeHandler()
	if len(body) == 0 || h == nil || h.Handler == nil || h.Handler.Info.Type == nil || h.Handler.Info.Type.NumIn() != 2 ||
		routeTag(r, TagStrict) == "off" {
		r.Middleware.Next()
		return
	}
	if !isJSON(r.Header.Get("Content-Type")) {
		Abort(r, errs.UnsupportedMedia.New())
		return
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(body, &fields); err != nil {
		Abort(r, errs.InvalidInput.Msg("request body must be a JSON object"))
		return
	}
	allowed := acceptedFields(h.Handler.Info.Type.In(1))
	var unknown []string
	for k := range fields {
		if !allowed[k] {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		Abort(r, errs.UnknownField.New(strings.Join(unknown, ", ")))
		return
	}
	r.Middleware.Next()
}

// isJSON accepts application/json and the +json types (application/merge-patch+json...),
// with any parameters (charset).
func isJSON(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return false
	}
	return mt == "application/json" || strings.HasPrefix(mt, "application/") && strings.HasSuffix(mt, "+json")
}

// acceptedFields lists the json names of a request struct, embedded structs included.
func acceptedFields(t reflect.Type) map[string]bool {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if v, ok := fieldsByType.Load(t); ok {
		return v.(map[string]bool)
	}
	out := map[string]bool{}
	var walk func(reflect.Type)
	walk = func(t reflect.Type) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
				walk(f.Type)
				continue
			}
			if !f.IsExported() || name == "-" {
				continue
			}
			if name == "" {
				name = f.Name
			}
			out[name] = true
		}
	}
	walk(t)
	fieldsByType.Store(t, out)
	return out
}
