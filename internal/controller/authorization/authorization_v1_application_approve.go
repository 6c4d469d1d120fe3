package authorization

import (
	"context"

	"kami/api/authorization/v1"
	"kami/internal/service"
)

func (c *ControllerV1) ApplicationApprove(ctx context.Context, req *v1.ApplicationApproveReq) (res *v1.ApplicationApproveRes, err error) {
	return service.Authorization().Approve(ctx, req)
}
