package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) PublicPlans(ctx context.Context, req *v1.PublicPlansReq) (res *v1.PublicPlansRes, err error) {
	return service.Derp().PublicPlans(ctx, req)
}
