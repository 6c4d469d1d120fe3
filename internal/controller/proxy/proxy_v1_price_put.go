package proxy

import (
	"context"

	"kami/api/proxy/v1"
	"kami/internal/service"
)

func (c *ControllerV1) PricePut(ctx context.Context, req *v1.PricePutReq) (res *v1.PricePutRes, err error) {
	return service.Proxy().PutPrice(ctx, req)
}
