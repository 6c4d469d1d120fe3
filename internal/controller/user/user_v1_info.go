package user

import (
	"context"
	"kami/internal/service"

	"kami/api/user/v1"
)

func (c *ControllerV1) Info(ctx context.Context, req *v1.InfoReq) (res *v1.InfoRes, err error) {
	return service.User().Info(ctx, req)
}
