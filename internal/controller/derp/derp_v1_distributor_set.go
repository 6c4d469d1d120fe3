package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) DistributorSet(ctx context.Context, req *v1.DistributorSetReq) (res *v1.DistributorSetRes, err error) {
	return service.Derp().DistributorSet(ctx, req)
}
