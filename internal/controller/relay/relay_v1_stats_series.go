package relay

import (
	"context"

	"kami/api/relay/v1"
	"kami/internal/service"
)

func (c *ControllerV1) StatsSeries(ctx context.Context, req *v1.StatsSeriesReq) (res *v1.StatsSeriesRes, err error) {
	return service.Relay().StatsSeries(ctx, req)
}
