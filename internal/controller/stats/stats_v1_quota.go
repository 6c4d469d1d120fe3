package stats

import (
	"context"

	"kami/api/stats/v1"
	"kami/internal/service"
)

func (c *ControllerV1) Quota(ctx context.Context, req *v1.QuotaReq) (res *v1.QuotaRes, err error) {
	return service.Stats().Quota(ctx, req)
}
