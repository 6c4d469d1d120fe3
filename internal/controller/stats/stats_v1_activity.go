package stats

import (
	"context"

	"kami/api/stats/v1"
	"kami/internal/service"
)

func (c *ControllerV1) Activity(ctx context.Context, req *v1.ActivityReq) (res *v1.ActivityRes, err error) {
	return service.Stats().Activity(ctx, req)
}
