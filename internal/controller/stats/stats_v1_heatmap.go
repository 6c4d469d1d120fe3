package stats

import (
	"context"

	"kami/api/stats/v1"
	"kami/internal/service"
)

func (c *ControllerV1) Heatmap(ctx context.Context, req *v1.HeatmapReq) (res *v1.HeatmapRes, err error) {
	return service.Stats().Heatmap(ctx, req)
}
