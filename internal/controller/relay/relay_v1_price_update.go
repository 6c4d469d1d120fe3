package relay

import (
	"context"

	"kami/api/relay/v1"
	"kami/internal/service"
)

func (c *ControllerV1) PriceUpdate(ctx context.Context, req *v1.PriceUpdateReq) (res *v1.PriceUpdateRes, err error) {
	return service.Relay().PriceUpdate(ctx, req)
}
