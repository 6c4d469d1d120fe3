package auth

import (
	"context"
	"kami/internal/service"

	"kami/api/auth/v1"
)

func (c *ControllerV1) ResetPassword(ctx context.Context, req *v1.ResetPasswordReq) (res *v1.ResetPasswordRes, err error) {
	return service.User().ResetPassword(ctx, req)
}
