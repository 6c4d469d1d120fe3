// Package user manages accounts: the agent hierarchy, profiles, passwords, self-registration
// and password reset by mail.
package user

import (
	"kami/internal/service"
)

type sUser struct{}

func init() {
	service.RegisterUser(New())
}

func New() *sUser { return &sUser{} }
