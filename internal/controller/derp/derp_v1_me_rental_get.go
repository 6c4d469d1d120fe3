package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) MeRentalGet(ctx context.Context, req *v1.MeRentalGetReq) (res *v1.MeRentalGetRes, err error) {
	return service.Derp().MeRentalGet(ctx, req)
}
