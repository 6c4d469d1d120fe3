package user

import (
	"context"
	"kami/internal/service"

	"kami/api/user/v1"
)

func (c *ControllerV1) ChangePassword(ctx context.Context, req *v1.ChangePasswordReq) (res *v1.ChangePasswordRes, err error) {
	return service.User().ChangePassword(ctx, req)
}
