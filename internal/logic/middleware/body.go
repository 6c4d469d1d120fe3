package middleware

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"os"

	"github.com/gogf/gf/v2/i18n/gi18n"
	"github.com/gogf/gf/v2/net/ghttp"
	"github.com/gogf/gf/v2/os/gfile"

	"kami/internal/errs"
)

// Body reads the whole request body before anything parses it, so a body that cannot be read
// gets the answer that fits instead of gf's: gf panics inside the handler's parsing and the
// client waited for a 500. A truncated body (the connection ended before Content-Length bytes)
// is 400, one still incomplete when kami.http.readTimeout runs out is 408, one over the size
// cap 413. Later readers (gf's parsing, Strict, the operation log) see the bytes read here.
func (s *sMiddleware) Body(r *ghttp.Request) {
	if r.ContentLength == 0 || r.Body == nil || r.Body == http.NoBody {
		r.Middleware.Next()
		return
	}
	limit := bodyLimit(r)
	if r.ContentLength > limit {
		r.Body = http.NoBody
		Abort(r, errs.TooLarge.New())
		return
	}
	b, err := io.ReadAll(http.MaxBytesReader(r.Response.Writer, r.Body, limit))
	if err != nil {
		// Nothing after this may touch the broken stream: gf would panic reading it again.
		r.Body = http.NoBody
		Abort(r, bodyError(r.Context(), err))
		return
	}
	r.Body = io.NopCloser(bytes.NewReader(b))
	r.GetBody() // caches the bytes in gf's request, which reads them from here on
	if st := stateFrom(r.Context()); st != nil {
		st.body, st.bodyRead = b, true
	}
	r.Middleware.Next()
}

// DefaultBodyLimit is the body cap of a route that declares none: admin API bodies are small
// JSON. The server's own cap (server.clientMaxBodySize) is the largest any route may declare.
const DefaultBodyLimit = 1 << 20

// bodyLimit is the route's bodyLimit tag ("8MB", "512KB") or DefaultBodyLimit.
func bodyLimit(r *ghttp.Request) int64 {
	if tag := routeTag(r, TagBodyLimit); tag != "" {
		if n := gfile.StrToSize(tag); n > 0 {
			return n
		}
	}
	return DefaultBodyLimit
}

func bodyError(ctx context.Context, err error) error {
	var tooLarge *http.MaxBytesError
	var netErr net.Error
	switch {
	case errors.As(err, &tooLarge):
		return errs.TooLarge.Wrap(err)
	case errors.Is(err, os.ErrDeadlineExceeded), errors.As(err, &netErr) && netErr.Timeout():
		return errs.RequestTimeout.Wrap(err)
	default:
		return errs.InvalidInput.Msg(gi18n.T(ctx, "input.bodyIncomplete"))
	}
}
