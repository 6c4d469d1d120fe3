package project

import (
	"context"

	"kami/api/project/v1"
	"kami/internal/service"
)

func (c *ControllerV1) PlanStatus(ctx context.Context, req *v1.PlanStatusReq) (res *v1.PlanStatusRes, err error) {
	return service.Project().SetPlanStatus(ctx, req)
}
