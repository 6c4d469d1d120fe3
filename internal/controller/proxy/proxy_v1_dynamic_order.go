package proxy

import (
	"context"

	"kami/api/proxy/v1"
	"kami/internal/service"
)

func (c *ControllerV1) DynamicOrder(ctx context.Context, req *v1.DynamicOrderReq) (res *v1.DynamicOrderRes, err error) {
	return service.Proxy().CreateDynamicOrder(ctx, req)
}
