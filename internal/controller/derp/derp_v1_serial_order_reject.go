package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) SerialOrderReject(ctx context.Context, req *v1.SerialOrderRejectReq) (res *v1.SerialOrderRejectRes, err error) {
	return service.Derp().SerialOrderReject(ctx, req)
}
