package peer

import (
	"context"
	"net/http"
	"sync/atomic"

	"github.com/gogf/gf/v2/frame/g"

	"kami/utility/clientip"
)

// resolver believes the proxies boot handed to Trust; until then (a test without a server) it
// trusts none, as an empty kami.trustedProxies does.
var resolver atomic.Pointer[clientip.Resolver]

func init() {
	r, _ := clientip.New(nil) // no CIDRs: cannot fail
	resolver.Store(r)
}

// Trust sets the proxies whose forwarding headers are believed (kami.trustedProxies); boot
// calls it once. A malformed CIDR is refused and the previous proxies stay.
func Trust(cidrs []string) error {
	r, err := clientip.New(cidrs)
	if err != nil {
		return err
	}
	resolver.Store(r)
	return nil
}

// IP is the caller's address, believing forwarding headers only from trusted proxies.
func IP(r *http.Request) string { return resolver.Load().IP(r) }

// TLS says whether the caller used https: this connection, or a trusted proxy's
// X-Forwarded-Proto.
func TLS(r *http.Request) bool { return resolver.Load().TLS(r) }

// RequestIP is the client address of the request in ctx, or "" outside a request.
func RequestIP(ctx context.Context) string {
	if r := g.RequestFromCtx(ctx); r != nil {
		return IP(r.Request)
	}
	return ""
}
