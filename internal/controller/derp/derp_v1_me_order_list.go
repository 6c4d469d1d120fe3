package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) MeOrderList(ctx context.Context, req *v1.MeOrderListReq) (res *v1.MeOrderListRes, err error) {
	return service.Derp().MeOrderList(ctx, req)
}
