package auth

import (
	"context"
	"kami/internal/service"

	"kami/api/auth/v1"
)

func (c *ControllerV1) Codes(ctx context.Context, req *v1.CodesReq) (res *v1.CodesRes, err error) {
	return service.Auth().Codes(ctx, req)
}
