// ================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// You can delete these comments if you wish manually maintain this interface file.
// ================================================================================

package service

import (
	"context"
	"kami/internal/clock"
	"kami/internal/config"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/net/ghttp"
)

type (
	IMiddleware interface {
		// AuditInTx writes the operation-log row of the current request inside tx, the transaction
		// that makes the change, so the change cannot commit without its audit row even if the
		// process dies right after. The row's status is 0 until the OperationLog middleware fills in
		// the answer (status, code, latency) when the request ends. Mutations that must never go
		// unaudited call it from their transaction; outside an HTTP request it does nothing, and a nil
		// tx means the transaction carried by ctx.
		AuditInTx(ctx context.Context, tx gdb.TX) error
		// Auth authenticates the bearer token against the session store and, unless the route is
		// open to any logged-in user, enforces RBAC on the route pattern and the method of the route
		// that will run. Every failure stops the chain.
		Auth(r *ghttp.Request)
		// Body reads the whole request body before anything parses it, so a body that cannot be read
		// gets the answer that fits instead of gf's: gf panics inside the handler's parsing and the
		// client waited for a 500. A truncated body (the connection ended before Content-Length bytes)
		// is 400, one still incomplete when kami.http.readTimeout runs out is 408, one over the size
		// cap 413. Later readers (gf's parsing, Strict, the operation log) see the bytes read here.
		Body(r *ghttp.Request)
		// CORS answers every OPTIONS request itself, for every path, and never lets one reach a
		// handler. That matters beyond CORS: gf routes "OPTIONS + Access-Control-Request-Method: PUT"
		// to the PUT handler, which would run it under a method the operation log skips and RBAC
		// judges as OPTIONS.
		//
		// A preflight from an allowed origin (kami.cors.allowedOrigins, exact matches) gets 204 with
		// the Access-Control-Allow-* headers; from any other origin 403 FORBIDDEN with none; an OPTIONS that is
		// not a preflight gets 204. Actual requests from an allowed origin get Allow-Origin and
		// Allow-Credentials; every answer varies by Origin, so a cache never hands one origin's answer
		// to another.
		CORS(r *ghttp.Request)
		// ReadDeadline gives a request body kami.http.readTimeout from the end of the headers.
		// gf has no ReadHeaderTimeout, so the server's ReadTimeout is set to the header timeout (a
		// slow-headers client is cut after it) and this middleware, the first to run, moves the
		// connection's read deadline for the body. A body still incomplete then fails to read and
		// Body answers 408, instead of the handler waiting on it for a minute and answering 500.
		ReadDeadline(r *ghttp.Request)
		// SecurityHeaders runs for every path, before any handler. No answer may be content-sniffed
		// into something executable, and no /api answer may be kept by a browser or proxy cache: they
		// carry tokens and personal data. (The Server header is switched off in the server config.)
		SecurityHeaders(r *ghttp.Request)
		// I18n picks the message language from Accept-Language: English when the client prefers it,
		// otherwise zh-CN, the panel's first language.
		I18n(r *ghttp.Request)
		// Idempotency runs after Auth and Strict, right around the handler.
		Idempotency(r *ghttp.Request)
		// Maintenance refuses every mutating call with 503 MAINTENANCE and Retry-After while the
		// maintenance switch is on; reads go on, and so do the routes whose g.Meta says
		// maintenance:"exempt" (paying customers' traffic; login, refresh and logout, and the settings
		// write that switches maintenance off again). It runs before authentication, so a refused call
		// costs no session lookup and nothing is written; the route's method and tag are those of the
		// route that matched, never the path string.
		Maintenance(r *ghttp.Request)
		// Metrics records every request, including the ones a later middleware refused.
		Metrics(r *ghttp.Request)
		// SetClock hands the pipeline its clock; boot calls it before serving.
		SetClock(c clock.Clock)
		// Configure hands the pipeline the configuration it reads; boot calls it before serving.
		Configure(cfg func() *config.Config)
		// OperationLog records every state-changing request (who, route, method, status, latency,
		// trace id, redacted request fields), including ones refused by auth, for the audit trail.
		// Reads are not logged: they change nothing and would drown the table. What counts is the
		// method of the route that runs, not the one on the request line.
		//
		// A mutation runs to its end once it has arrived, even if the client hangs up: its context
		// is detached from the connection, so a client closing right after sending can no longer
		// leave a committed change without its row (the insert used to fail on the cancelled
		// context) or cut a transaction off halfway with a 500. A handler that wrote the row in its
		// own transaction (AuditInTx) gets that row completed here instead of a second one.
		OperationLog(r *ghttp.Request)
		// PathParams makes path parameters come from the router only. gf fills a request struct from
		// the router, the query and the body merged, the router's value weakest, so
		// `PUT /api/system/user/4?id=5` changed user 5 while everything that read the path (the
		// audit row, scope checks on the route) saw 4. For every in:"path" field of the request
		// struct, a query or body value under a name gf would map to that field (gf matches names
		// case-insensitively, ignoring '-', '_', '.' and spaces) must equal the router's value; a
		// different one is refused with 400 naming it. An equal one is harmless and passes.
		PathParams(r *ghttp.Request)
		// Response wraps every handler result in the envelope and gives errors their real HTTP status;
		// gf's default answers 200 for everything, which would stop Vben from refreshing on 401.
		// A handler that wrote its own body (a raw refresh token, a file download) or whose route is
		// raw:"true" is left alone on success; one that streamed it past the buffer (an export) has
		// already sent its status, so nothing may follow.
		Response(r *ghttp.Request)
		// Strict holds JSON endpoints to their contract. A body that is not JSON is refused with 415:
		// gf would otherwise parse text/plain or a form as key=value pairs, and the unknown-field rule
		// below would never see them. A JSON body that carries a field the endpoint does not define is
		// refused naming the fields: a misspelled or outdated field would otherwise be dropped silently
		// and the call would "succeed" doing something else than the caller meant. An empty body of
		// any type passes; strict:"off" (options.go) turns both rules off for a route.
		Strict(r *ghttp.Request)
	}
)

var (
	localMiddleware IMiddleware
)

func Middleware() IMiddleware {
	if localMiddleware == nil {
		panic("implement not found for interface IMiddleware, forgot register?")
	}
	return localMiddleware
}

func RegisterMiddleware(i IMiddleware) {
	localMiddleware = i
}
