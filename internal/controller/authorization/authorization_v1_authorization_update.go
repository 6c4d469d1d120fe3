package authorization

import (
	"context"

	"kami/api/authorization/v1"
	"kami/internal/service"
)

func (c *ControllerV1) AuthorizationUpdate(ctx context.Context, req *v1.AuthorizationUpdateReq) (res *v1.AuthorizationUpdateRes, err error) {
	return service.Authorization().Renew(ctx, req)
}
