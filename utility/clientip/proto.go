package clientip

import (
	"net"
	"net/http"
	"strings"
)

// TLS reports whether the client reached us over TLS: on this connection, or, when the direct
// peer is a trusted proxy, per the first X-Forwarded-Proto entry (the scheme the client used at
// the outermost proxy). From anyone else the header is ignored, as X-Forwarded-For is.
func (r *Resolver) TLS(req *http.Request) bool {
	if req.TLS != nil {
		return true
	}
	host, _, err := net.SplitHostPort(req.RemoteAddr)
	if err != nil {
		host = req.RemoteAddr
	}
	peer := net.ParseIP(host)
	if peer == nil || !r.isTrusted(peer) {
		return false
	}
	first, _, _ := strings.Cut(req.Header.Get("X-Forwarded-Proto"), ",")
	return strings.EqualFold(strings.TrimSpace(first), "https")
}
