package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) RentalList(ctx context.Context, req *v1.RentalListReq) (res *v1.RentalListRes, err error) {
	return service.Derp().RentalList(ctx, req)
}
