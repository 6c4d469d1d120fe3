package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) DistributorList(ctx context.Context, req *v1.DistributorListReq) (res *v1.DistributorListRes, err error) {
	return service.Derp().DistributorList(ctx, req)
}
