package peer

import (
	"context"
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

// IP is the caller's address, believing forwarding headers only from trusted proxies.
func IP(r *http.Request) string { return resolver(r).IP(r) }

// TLS says whether the caller used https: this connection, or a trusted proxy's
// X-Forwarded-Proto.
func TLS(r *http.Request) bool { return resolver(r).TLS(r) }

// RequestIP is the client address of the request in ctx, or "" outside a request.
func RequestIP(ctx context.Context) string {
	if r := g.RequestFromCtx(ctx); r != nil {
		return IP(r.Request)
	}
	return ""
}
