package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) RentalExtend(ctx context.Context, req *v1.RentalExtendReq) (res *v1.RentalExtendRes, err error) {
	return service.Derp().RentalExtend(ctx, req)
}
