package system

import (
	"context"
	"kami/internal/service"

	"kami/api/system/v1"
)

func (c *ControllerV1) JobList(ctx context.Context, req *v1.JobListReq) (res *v1.JobListRes, err error) {
	return service.Job().List(ctx, req)
}
