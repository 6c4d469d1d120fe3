package system

import (
	"context"

	"kami/api/system/v1"
	"kami/internal/service"
)

func (c *ControllerV1) UserStatus(ctx context.Context, req *v1.UserStatusReq) (res *v1.UserStatusRes, err error) {
	return service.User().SetStatus(ctx, req)
}
