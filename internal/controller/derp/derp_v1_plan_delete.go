package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) PlanDelete(ctx context.Context, req *v1.PlanDeleteReq) (res *v1.PlanDeleteRes, err error) {
	return service.Derp().PlanDelete(ctx, req)
}
