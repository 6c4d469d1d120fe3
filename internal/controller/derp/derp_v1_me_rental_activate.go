package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) MeRentalActivate(ctx context.Context, req *v1.MeRentalActivateReq) (res *v1.MeRentalActivateRes, err error) {
	return service.Derp().MeRentalActivate(ctx, req)
}
