package middleware

import (
	"encoding/json"
	"reflect"
	"sort"
	"strings"
	"sync"

	"github.com/gogf/gf/v2/net/ghttp"

	"kami/internal/errs"
)

// fieldsByType caches the JSON field names each request struct accepts.
var fieldsByType sync.Map // reflect.Type -> map[string]bool

// Strict refuses a JSON body that carries a field the endpoint does not define: a misspelled
// or outdated field would otherwise be dropped silently and the call would "succeed" doing
// something else than the caller meant. The message names the fields.
func (s *sMiddleware) Strict(r *ghttp.Request) {
	body := r.GetBody()
	h := r.GetServeHandler()
	if len(body) == 0 || h == nil || h.Handler == nil || h.Handler.Info.Type == nil || h.Handler.Info.Type.NumIn() != 2 ||
		!strings.Contains(r.Header.Get("Content-Type"), "json") {
		r.Middleware.Next()
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
