package proxy

import (
	"context"

	"kami/api/proxy/v1"
	"kami/internal/service"
)

func (c *ControllerV1) ProductGet(ctx context.Context, req *v1.ProductGetReq) (res *v1.ProductGetRes, err error) {
	return service.Proxy().GetProduct(ctx, req)
}
