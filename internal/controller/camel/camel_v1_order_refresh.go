package camel

import (
	"context"

	"kami/api/camel/v1"
	"kami/internal/service"
)

func (c *ControllerV1) OrderRefresh(ctx context.Context, req *v1.OrderRefreshReq) (res *v1.OrderRefreshRes, err error) {
	return service.Camel().RefreshOrder(ctx, req)
}
