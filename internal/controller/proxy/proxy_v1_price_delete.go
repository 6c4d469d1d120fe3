package proxy

import (
	"context"

	"kami/api/proxy/v1"
	"kami/internal/service"
)

func (c *ControllerV1) PriceDelete(ctx context.Context, req *v1.PriceDeleteReq) (res *v1.PriceDeleteRes, err error) {
	return service.Proxy().DeletePrice(ctx, req)
}
