package system

import (
	"context"
	"kami/internal/service"

	"kami/api/system/v1"
)

func (c *ControllerV1) JobRun(ctx context.Context, req *v1.JobRunReq) (res *v1.JobRunRes, err error) {
	return service.Job().RunNow(ctx, req)
}
