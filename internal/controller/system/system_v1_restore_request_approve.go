package system

import (
	"context"

	"kami/api/system/v1"
	"kami/internal/service"
)

func (c *ControllerV1) RestoreRequestApprove(ctx context.Context, req *v1.RestoreRequestApproveReq) (res *v1.RestoreRequestApproveRes, err error) {
	return service.Backup().Approve(ctx, req)
}
