package system

import (
	"context"

	"kami/api/system/v1"
	"kami/internal/service"
)

func (c *ControllerV1) UserUpdate(ctx context.Context, req *v1.UserUpdateReq) (res *v1.UserUpdateRes, err error) {
	return service.User().Update(ctx, req)
}
