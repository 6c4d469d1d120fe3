package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) PlanList(ctx context.Context, req *v1.PlanListReq) (res *v1.PlanListRes, err error) {
	return service.Derp().PlanList(ctx, req)
}
