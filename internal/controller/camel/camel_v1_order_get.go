package camel

import (
	"context"

	"kami/api/camel/v1"
	"kami/internal/service"
)

func (c *ControllerV1) OrderGet(ctx context.Context, req *v1.OrderGetReq) (res *v1.OrderGetRes, err error) {
	return service.Camel().GetOrder(ctx, req)
}
