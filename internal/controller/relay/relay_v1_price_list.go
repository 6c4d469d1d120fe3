package relay

import (
	"context"

	"kami/api/relay/v1"
	"kami/internal/service"
)

func (c *ControllerV1) PriceList(ctx context.Context, req *v1.PriceListReq) (res *v1.PriceListRes, err error) {
	return service.Relay().PriceList(ctx, req)
}
