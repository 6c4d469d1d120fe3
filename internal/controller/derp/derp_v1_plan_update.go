package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) PlanUpdate(ctx context.Context, req *v1.PlanUpdateReq) (res *v1.PlanUpdateRes, err error) {
	return service.Derp().PlanUpdate(ctx, req)
}
