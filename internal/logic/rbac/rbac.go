// Package rbac: placeholder until the RBAC module lands; it fails closed (only the super-admin
// passes) so nothing is ever opened by its absence.
package rbac

import (
	"context"

	"kami/internal/consts"
	"kami/internal/service"
)

type sRbac struct{}

func init() { service.RegisterRbac(New()) }

func New() *sRbac { return &sRbac{} }

func (s *sRbac) Sync(ctx context.Context) error  { return nil }
func (s *sRbac) Start(ctx context.Context) error { return nil }
func (s *sRbac) Stop()                           {}

func (s *sRbac) Enforce(ctx context.Context, role, route, method string) (bool, error) {
	return role == consts.RoleSuperAdmin, nil
}

func (s *sRbac) Codes(ctx context.Context, role string) ([]string, error) { return []string{}, nil }
