package auth

import (
	"context"
	"kami/internal/service"

	"kami/api/auth/v1"
)

func (c *ControllerV1) Refresh(ctx context.Context, req *v1.RefreshReq) (res *v1.RefreshRes, err error) {
	return service.Auth().Refresh(ctx, req)
}
