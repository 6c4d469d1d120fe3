package authorization

import (
	"context"

	"kami/api/authorization/v1"
	"kami/internal/service"
)

func (c *ControllerV1) AuthorizationList(ctx context.Context, req *v1.AuthorizationListReq) (res *v1.AuthorizationListRes, err error) {
	return service.Authorization().List(ctx, req)
}
