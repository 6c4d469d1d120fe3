package camel

import (
	"context"

	"kami/api/camel/v1"
	"kami/internal/service"
)

func (c *ControllerV1) OrderNotify(ctx context.Context, req *v1.OrderNotifyReq) (res *v1.OrderNotifyRes, err error) {
	return service.Camel().NotifyOrder(ctx, req)
}
