package authorization

import (
	"context"

	"kami/api/authorization/v1"
	"kami/internal/service"
)

func (c *ControllerV1) AuthorizationCreate(ctx context.Context, req *v1.AuthorizationCreateReq) (res *v1.AuthorizationCreateRes, err error) {
	return service.Authorization().Grant(ctx, req)
}
