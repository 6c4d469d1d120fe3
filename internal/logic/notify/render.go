package notify

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"regexp"

	"github.com/gogf/gf/v2/i18n/gi18n"

	"kami/internal/model/entity"
)

// Templates are i18n texts with {name} placeholders, rendered when read, in the reader's
// language: the stored notice keeps the template name and its params, never one rendering.

var placeholder = regexp.MustCompile(`\{([A-Za-z][A-Za-z0-9_]*)\}`)

// languages every template must exist in.
var languages = []string{"zh-CN", "en"}

func templateExists(ctx context.Context, name string) bool {
	for _, lang := range languages {
		lctx := gi18n.WithLanguage(ctx, lang)
		for _, part := range []string{".title", ".body"} {
			key := "notify." + name + part
			if gi18n.T(lctx, key) == key {
				return false
			}
		}
	}
	return true
}

// render is a notice's title and body in ctx's language.
func render(ctx context.Context, n *entity.Notices) (title, body string) {
	if n.Template == "" {
		return n.Title, n.Body
	}
	params := noticeParams(n)
	fill := func(text string) string {
		return placeholder.ReplaceAllStringFunc(text, func(m string) string {
			if v, ok := params[m[1:len(m)-1]]; ok && v != nil {
				return fmt.Sprint(v)
			}
			return m
		})
	}
	return fill(gi18n.T(ctx, "notify."+n.Template+".title")), fill(gi18n.T(ctx, "notify."+n.Template+".body"))
}

// noticeParams decodes a notice's template parameters (empty when it has none or they do not
// parse: a copy still goes out with its placeholders showing).
func noticeParams(n *entity.Notices) map[string]any {
	params := map[string]any{}
	if n.Params != "" {
		dec := json.NewDecoder(bytes.NewReader([]byte(n.Params)))
		dec.UseNumber() // 1234567 stays 1234567, not 1.234567e+06
		_ = dec.Decode(&params)
	}
	return params
}

// kindName is the localized name of a kind, or "" when it has none.
func kindName(ctx context.Context, kind string) string {
	key := "notify.kind." + kind
	if s := gi18n.T(ctx, key); s != key {
		return s
	}
	return ""
}
