package system

import (
	"context"

	"kami/api/system/v1"
	"kami/internal/service"
)

func (c *ControllerV1) UserCreate(ctx context.Context, req *v1.UserCreateReq) (res *v1.UserCreateRes, err error) {
	return service.User().Create(ctx, req)
}
