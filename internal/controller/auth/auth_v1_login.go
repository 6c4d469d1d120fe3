package auth

import (
	"context"
	"kami/internal/service"

	"kami/api/auth/v1"
)

func (c *ControllerV1) Login(ctx context.Context, req *v1.LoginReq) (res *v1.LoginRes, err error) {
	return service.Auth().Login(ctx, req)
}
