package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) SerialVoid(ctx context.Context, req *v1.SerialVoidReq) (res *v1.SerialVoidRes, err error) {
	return service.Derp().SerialVoid(ctx, req)
}
