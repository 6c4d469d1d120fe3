package proxy

import (
	"context"

	"kami/api/proxy/v1"
	"kami/internal/service"
)

func (c *ControllerV1) OrderStats(ctx context.Context, req *v1.OrderStatsReq) (res *v1.OrderStatsRes, err error) {
	return service.Proxy().OrderStats(ctx, req)
}
