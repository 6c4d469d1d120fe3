package authorization

import (
	"context"

	"kami/api/authorization/v1"
	"kami/internal/service"
)

func (c *ControllerV1) ApplicationCreate(ctx context.Context, req *v1.ApplicationCreateReq) (res *v1.ApplicationCreateRes, err error) {
	return service.Authorization().Apply(ctx, req)
}
