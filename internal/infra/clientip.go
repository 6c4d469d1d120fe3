package infra

import (
	"net/http"
	"sync"

	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/config"
	"kami/utility/clientip"
)

var (
	ipOnce     sync.Once
	ipResolver *clientip.Resolver
)

// resolver is built once from kami.trustedProxies.
func resolver(r *http.Request) *clientip.Resolver {
	ipOnce.Do(func() {
		res, err := clientip.New(config.Get().TrustedProxies)
		if err != nil {
			g.Log().Errorf(r.Context(), "trustedProxies: %v; forwarding headers are ignored", err)
			res, _ = clientip.New(nil)
		}
		ipResolver = res
	})
	return ipResolver
}

// ClientIP is the caller's address, believing forwarding headers only from trusted proxies.
func ClientIP(r *http.Request) string { return resolver(r).IP(r) }

// RequestTLS says whether the caller used https: this connection, or a trusted proxy's
// X-Forwarded-Proto.
func RequestTLS(r *http.Request) bool { return resolver(r).TLS(r) }
