package relay

import (
	"context"

	"kami/api/relay/v1"
	"kami/internal/service"
)

func (c *ControllerV1) PriceDelete(ctx context.Context, req *v1.PriceDeleteReq) (res *v1.PriceDeleteRes, err error) {
	return service.Relay().PriceDelete(ctx, req)
}
