package relay

import (
	"net/http"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/net/ghttp"
)

// Edge is the /v1 group's Recover (relay.md §1; CORS is the server-level middleware's, which
// answers /v1 for any origin): a handler fault is answered as OpenAI's 500 internal_error
// instead of gf's plain-text page. Nothing is charged on a fault (releaseOnFault).
func (s *sRelay) Edge(r *ghttp.Request) {
	r.Middleware.Next()
	err := r.GetError()
	if err == nil {
		return
	}
	g.Log("relay").Errorf(r.Context(), "relay handler fault: %+v", err)
	r.SetError(nil)
	if r.Response.IsHeaderWrote() {
		return // a committed stream: the client sees it cut, without [DONE]
	}
	r.Response.ClearBuffer()
	rid := r.Response.Header().Get("X-Request-Id")
	if rid == "" {
		rid = s.begin(r)
	}
	newAPIError(http.StatusInternalServerError, "internal_error", "An internal error occurred.").write(r, rid)
}
