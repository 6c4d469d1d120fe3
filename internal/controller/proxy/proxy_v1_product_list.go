package proxy

import (
	"context"

	"kami/api/proxy/v1"
	"kami/internal/service"
)

func (c *ControllerV1) ProductList(ctx context.Context, req *v1.ProductListReq) (res *v1.ProductListRes, err error) {
	return service.Proxy().Products(ctx, req)
}
