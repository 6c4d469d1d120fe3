package system

import (
	"context"

	"kami/api/system/v1"
	"kami/internal/service"
)

func (c *ControllerV1) UserGet(ctx context.Context, req *v1.UserGetReq) (res *v1.UserGetRes, err error) {
	return service.User().Get(ctx, req)
}
