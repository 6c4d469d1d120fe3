package authorization

import (
	"context"

	"kami/api/authorization/v1"
	"kami/internal/service"
)

func (c *ControllerV1) AuthorizationDelete(ctx context.Context, req *v1.AuthorizationDeleteReq) (res *v1.AuthorizationDeleteRes, err error) {
	return service.Authorization().Revoke(ctx, req)
}
