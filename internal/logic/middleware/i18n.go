package middleware

import (
	"strings"

	"github.com/gogf/gf/v2/i18n/gi18n"
	"github.com/gogf/gf/v2/net/ghttp"
)

// I18n picks the message language from Accept-Language: English when the client prefers it,
// otherwise zh-CN, the panel's first language.
func (s *sMiddleware) I18n(r *ghttp.Request) {
	r.SetCtx(gi18n.WithLanguage(r.Context(), Language(r.Header.Get("Accept-Language"))))
	r.Middleware.Next()
}

// Language maps an Accept-Language header to one of the shipped languages.
func Language(header string) string {
	for _, part := range strings.Split(header, ",") {
		tag := strings.ToLower(strings.TrimSpace(strings.SplitN(part, ";", 2)[0]))
		switch {
		case strings.HasPrefix(tag, "zh"):
			return "zh-CN"
		case strings.HasPrefix(tag, "en"):
			return "en"
		}
	}
	return "zh-CN"
}
