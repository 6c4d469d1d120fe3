package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) SerialOrderList(ctx context.Context, req *v1.SerialOrderListReq) (res *v1.SerialOrderListRes, err error) {
	return service.Derp().SerialOrderList(ctx, req)
}
