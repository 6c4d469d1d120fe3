package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) RentalDeregister(ctx context.Context, req *v1.RentalDeregisterReq) (res *v1.RentalDeregisterRes, err error) {
	return service.Derp().RentalDeregister(ctx, req)
}
