package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) MeRentalTraffic(ctx context.Context, req *v1.MeRentalTrafficReq) (res *v1.MeRentalTrafficRes, err error) {
	return service.Derp().MeRentalTraffic(ctx, req)
}
