package middleware

import (
	"strings"
	"sync"

	"github.com/gogf/gf/v2/net/ghttp"
)

// Per-route options. A route declares them in its g.Meta; the middleware reads the tag of the
// route that matched, never the path string. This is the one list of them:
//
//	auth:"public"   no authentication (captcha, login, refresh, register...)
//	auth:"login"    any logged-in user, no RBAC check (own profile, menus)
//	(no auth tag)   RBAC-checked, deny by default
//	strict:"off"    body rules off: fields the request struct does not define are kept, and
//	                bodies that are not JSON are accepted (callbacks from outside systems,
//	                uploads). Path-parameter conflicts are refused all the same.
//	raw:"true"      no envelope around a successful answer: the handler writes the body
//	                (file downloads, DERP admission, proxy callbacks); errors still get one.
//	idempotent:"true"  takes an Idempotency-Key (header or idempotencyKey field): the same key
//	                and request replay the first answer (idempotency.go).
//
//	bodyLimit:"8MB" a body cap other than the default 1 MB (uploads, imports); at most the
//	                server's clientMaxBodySize. Larger bodies get 413 before they are read.
//
//	maintenance:"exempt"  keeps running while the maintenance switch is on (maintenance.go);
//	                every other mutating route answers 503 MAINTENANCE then.
//
//	oplog:"off"     no operation-log row (oplog.go): a machine's hot call that changes no
//	                admin state (DERP admission, called by derper for every client connect).
const (
	TagAuth   = "auth"
	TagStrict = "strict"
	TagRaw    = "raw"
	TagIdem   = "idempotent"
	// TagBodyLimit is read by Body.
	TagBodyLimit = "bodyLimit"
	// TagMaintenance is read by Maintenance.
	TagMaintenance    = "maintenance"
	MaintenanceExempt = "exempt"
	// TagOpLog is read by OperationLog.
	TagOpLog = "oplog"
	OpLogOff = "off"

	AccessPublic = "public"
	AccessLogin  = "login"
)

// routeTag is the g.Meta tag name of the route that matched, "" when none matched. gf parses
// the whole g.Meta tag on every GetMetaTag, and the chain asks several times per request, so
// the answers are kept per route: a route's tags never change once it is bound.
func routeTag(r *ghttp.Request, name string) string {
	if h := r.GetServeHandler(); h != nil && h.Handler != nil {
		k := tagKey{h.Handler, name}
		if v, ok := routeTags.Load(k); ok {
			return v.(string)
		}
		v := h.Handler.GetMetaTag(name)
		routeTags.Store(k, v)
		return v
	}
	return ""
}

type tagKey struct {
	h    *ghttp.HandlerItem
	name string
}

var routeTags sync.Map // tagKey → string

// routeMethod is the method of the route that will run. It is not always r.Method: gf serves
// an OPTIONS request carrying Access-Control-Request-Method: PUT with the PUT handler, so
// authorizing or auditing by r.Method would judge a different operation than the one run.
func routeMethod(r *ghttp.Request) string {
	if h := r.GetServeHandler(); h != nil && h.Handler != nil && h.Handler.Router != nil {
		if m := strings.ToUpper(h.Handler.Router.Method); m != "" && m != "ALL" {
			return m
		}
	}
	return strings.ToUpper(r.Method)
}

// isRead reports whether method changes nothing, so it is neither audited nor detached.
func isRead(method string) bool {
	return method == "GET" || method == "HEAD" || method == "OPTIONS"
}
