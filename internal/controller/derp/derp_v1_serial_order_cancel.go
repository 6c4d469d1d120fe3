package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) SerialOrderCancel(ctx context.Context, req *v1.SerialOrderCancelReq) (res *v1.SerialOrderCancelRes, err error) {
	return service.Derp().SerialOrderCancel(ctx, req)
}
