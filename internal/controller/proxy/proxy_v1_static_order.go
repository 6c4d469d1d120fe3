package proxy

import (
	"context"

	"kami/api/proxy/v1"
	"kami/internal/service"
)

func (c *ControllerV1) StaticOrder(ctx context.Context, req *v1.StaticOrderReq) (res *v1.StaticOrderRes, err error) {
	return service.Proxy().CreateStaticOrder(ctx, req)
}
