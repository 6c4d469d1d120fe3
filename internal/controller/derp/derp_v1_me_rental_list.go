package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) MeRentalList(ctx context.Context, req *v1.MeRentalListReq) (res *v1.MeRentalListRes, err error) {
	return service.Derp().MeRentalList(ctx, req)
}
