package system

import (
	"context"

	"kami/api/system/v1"
	"kami/internal/service"
)

func (c *ControllerV1) UserPassword(ctx context.Context, req *v1.UserPasswordReq) (res *v1.UserPasswordRes, err error) {
	return service.User().SetPassword(ctx, req)
}
