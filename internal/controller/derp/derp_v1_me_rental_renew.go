package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) MeRentalRenew(ctx context.Context, req *v1.MeRentalRenewReq) (res *v1.MeRentalRenewRes, err error) {
	return service.Derp().MeRentalRenew(ctx, req)
}
