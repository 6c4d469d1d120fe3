package httpx

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/model"
)

// SendCached writes f with its ETag and a Cache-Control that lets browsers keep it a day and
// then revalidate; an If-None-Match naming the ETag (or "*") answers 304 with no body.
func SendCached(ctx context.Context, f *model.CachedFile) error {
	r := g.RequestFromCtx(ctx)
	if r == nil {
		return fmt.Errorf("httpx: no request to send the file to")
	}
	h := r.Response.Header()
	h.Set("ETag", f.ETag)
	h.Set("Cache-Control", "public, max-age=86400, must-revalidate")
	h.Set("X-Content-Type-Options", "nosniff")
	if etagMatch(r.Header.Get("If-None-Match"), f.ETag) {
		r.Response.WriteHeader(http.StatusNotModified)
		r.Response.Writer.WriteHeader(http.StatusNotModified)
		return nil
	}
	h.Set("Content-Type", f.ContentType)
	r.Response.WriteHeader(http.StatusOK)
	r.Response.Writer.WriteHeader(http.StatusOK)
	_, err := r.Response.Writer.Write(f.Data)
	return err
}

// etagMatch reads If-None-Match: a list of entity tags (weak ones compare by their value, as
// RFC 9110 §13.1.2 asks for this header) or "*".
func etagMatch(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == "*" || t == etag {
			return true
		}
	}
	return false
}
