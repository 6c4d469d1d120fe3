package system

import (
	"context"
	"kami/internal/service"

	"kami/api/system/v1"
)

func (c *ControllerV1) JobUpdate(ctx context.Context, req *v1.JobUpdateReq) (res *v1.JobUpdateRes, err error) {
	return service.Job().Update(ctx, req)
}
