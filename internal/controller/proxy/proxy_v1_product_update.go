package proxy

import (
	"context"

	"kami/api/proxy/v1"
	"kami/internal/service"
)

func (c *ControllerV1) ProductUpdate(ctx context.Context, req *v1.ProductUpdateReq) (res *v1.ProductUpdateRes, err error) {
	return service.Proxy().UpdateProduct(ctx, req)
}
