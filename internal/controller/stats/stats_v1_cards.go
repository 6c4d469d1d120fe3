package stats

import (
	"context"

	"kami/api/stats/v1"
	"kami/internal/service"
)

func (c *ControllerV1) Cards(ctx context.Context, req *v1.CardsReq) (res *v1.CardsRes, err error) {
	return service.Stats().Cards(ctx, req)
}
