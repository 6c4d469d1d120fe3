package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) RentalSuspend(ctx context.Context, req *v1.RentalSuspendReq) (res *v1.RentalSuspendRes, err error) {
	return service.Derp().RentalSuspend(ctx, req)
}
