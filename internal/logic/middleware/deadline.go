package middleware

import (
	"net/http"
	"time"

	"github.com/gogf/gf/v2/net/ghttp"
)

// ReadDeadline gives a request body kami.http.readTimeout from the end of the headers.
// gf has no ReadHeaderTimeout, so the server's ReadTimeout is set to the header timeout (a
// slow-headers client is cut after it) and this middleware, the first to run, moves the
// connection's read deadline for the body. A body still incomplete then fails to read and
// Body answers 408, instead of the handler waiting on it for a minute and answering 500.
func (s *sMiddleware) ReadDeadline(r *ghttp.Request) {
	if r.ContentLength != 0 {
		rc := http.NewResponseController(r.Response.Writer.ResponseWriter)
		// Not every writer supports deadlines (tests with recorders); the server one does.
		_ = rc.SetReadDeadline(time.Now().Add(s.cfg().HTTP.ReadTimeout))
	}
	r.Middleware.Next()
}
