package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) SerialOrderCreate(ctx context.Context, req *v1.SerialOrderCreateReq) (res *v1.SerialOrderCreateRes, err error) {
	return service.Derp().SerialOrderCreate(ctx, req)
}
