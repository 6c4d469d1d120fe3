// Package auth is login, sessions and tokens: captcha and lockout in Redis (shared by every
// node), durable refresh sessions in the database, short JWT access tokens.
package auth

import (
	"kami/internal/service"
)

type sAuth struct{}

func init() {
	service.RegisterAuth(New())
}

func New() *sAuth { return &sAuth{} }
