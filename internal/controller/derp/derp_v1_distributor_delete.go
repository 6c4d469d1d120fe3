package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) DistributorDelete(ctx context.Context, req *v1.DistributorDeleteReq) (res *v1.DistributorDeleteRes, err error) {
	return service.Derp().DistributorDelete(ctx, req)
}
