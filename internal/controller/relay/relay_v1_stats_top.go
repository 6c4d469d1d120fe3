package relay

import (
	"context"

	"kami/api/relay/v1"
	"kami/internal/service"
)

func (c *ControllerV1) StatsTop(ctx context.Context, req *v1.StatsTopReq) (res *v1.StatsTopRes, err error) {
	return service.Relay().StatsTop(ctx, req)
}
