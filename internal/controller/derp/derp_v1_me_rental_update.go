package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) MeRentalUpdate(ctx context.Context, req *v1.MeRentalUpdateReq) (res *v1.MeRentalUpdateRes, err error) {
	return service.Derp().MeRentalUpdate(ctx, req)
}
