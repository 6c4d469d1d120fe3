package relay

import (
	"context"

	"kami/api/relay/v1"
	"kami/internal/service"
)

func (c *ControllerV1) PriceCreate(ctx context.Context, req *v1.PriceCreateReq) (res *v1.PriceCreateRes, err error) {
	return service.Relay().PriceCreate(ctx, req)
}
