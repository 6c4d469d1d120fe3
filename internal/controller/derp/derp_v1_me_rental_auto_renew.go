package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) MeRentalAutoRenew(ctx context.Context, req *v1.MeRentalAutoRenewReq) (res *v1.MeRentalAutoRenewRes, err error) {
	return service.Derp().MeRentalAutoRenew(ctx, req)
}
