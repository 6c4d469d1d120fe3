package auth

import (
	"context"
	"kami/internal/service"

	"kami/api/auth/v1"
)

func (c *ControllerV1) Register(ctx context.Context, req *v1.RegisterReq) (res *v1.RegisterRes, err error) {
	return service.User().Register(ctx, req)
}
