package proxy

import (
	"context"

	"kami/api/proxy/v1"
	"kami/internal/service"
)

func (c *ControllerV1) PriceList(ctx context.Context, req *v1.PriceListReq) (res *v1.PriceListRes, err error) {
	return service.Proxy().Prices(ctx, req)
}
