package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) RentalGet(ctx context.Context, req *v1.RentalGetReq) (res *v1.RentalGetRes, err error) {
	return service.Derp().RentalGet(ctx, req)
}
