package system

import (
	"context"
	"kami/internal/service"

	"kami/api/system/v1"
)

func (c *ControllerV1) JobRuns(ctx context.Context, req *v1.JobRunsReq) (res *v1.JobRunsRes, err error) {
	return service.Job().Runs(ctx, req)
}
