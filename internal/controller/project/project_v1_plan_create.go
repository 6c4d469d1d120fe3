package project

import (
	"context"

	"kami/api/project/v1"
	"kami/internal/service"
)

func (c *ControllerV1) PlanCreate(ctx context.Context, req *v1.PlanCreateReq) (res *v1.PlanCreateRes, err error) {
	return service.Project().CreatePlan(ctx, req)
}
