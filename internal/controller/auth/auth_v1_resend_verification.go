package auth

import (
	"context"

	"kami/api/auth/v1"
	"kami/internal/service"
)

func (c *ControllerV1) ResendVerification(ctx context.Context, req *v1.ResendVerificationReq) (res *v1.ResendVerificationRes, err error) {
	return service.User().ResendVerification(ctx, req)
}
