// Package middleware holds the request pipeline of the admin API: language, envelope, auth and
// RBAC, operation log. Each concept has its own file.
package middleware

import "kami/internal/service"

type sMiddleware struct{}

func init() {
	service.RegisterMiddleware(New())
}

func New() *sMiddleware { return &sMiddleware{} }
