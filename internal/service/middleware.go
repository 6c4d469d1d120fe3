// ================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// You can delete these comments if you wish manually maintain this interface file.
// ================================================================================

package service

import (
	"github.com/gogf/gf/v2/net/ghttp"
)

type (
	IMiddleware interface {
		// Auth authenticates the bearer token against the session store and, unless the route is
		// open to any logged-in user, enforces RBAC on the route pattern. Every failure stops the chain.
		Auth(r *ghttp.Request)
		// I18n picks the message language from Accept-Language: English when the client prefers it,
		// otherwise zh-CN, the panel's first language.
		I18n(r *ghttp.Request)
		// Idempotency runs after Auth and Strict, right around the handler.
		Idempotency(r *ghttp.Request)
		// Metrics records every request, including the ones a later middleware refused.
		Metrics(r *ghttp.Request)
		// OperationLog records every state-changing request (who, route, method, status, latency,
		// trace id, redacted request fields), including ones refused by auth, for the audit trail.
		// Reads are not logged: they change nothing and would drown the table.
		OperationLog(r *ghttp.Request)
		// Response wraps every handler result in the envelope and gives errors their real HTTP status;
		// gf's default answers 200 for everything, which would stop Vben from refreshing on 401.
		// A handler that wrote its own body (a raw refresh token, a file download) is left alone; one
		// that streamed it past the buffer (an export) has already sent its status, so nothing may follow.
		Response(r *ghttp.Request)
		// Strict refuses a JSON body that carries a field the endpoint does not define: a misspelled
		// or outdated field would otherwise be dropped silently and the call would "succeed" doing
		// something else than the caller meant. The message names the fields.
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
