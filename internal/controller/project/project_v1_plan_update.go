package project

import (
	"context"

	"kami/api/project/v1"
	"kami/internal/service"
)

func (c *ControllerV1) PlanUpdate(ctx context.Context, req *v1.PlanUpdateReq) (res *v1.PlanUpdateRes, err error) {
	return service.Project().UpdatePlan(ctx, req)
}
