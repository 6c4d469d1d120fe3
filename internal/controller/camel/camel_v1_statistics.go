package camel

import (
	"context"

	"kami/api/camel/v1"
	"kami/internal/service"
)

func (c *ControllerV1) Statistics(ctx context.Context, req *v1.StatisticsReq) (res *v1.StatisticsRes, err error) {
	return service.Camel().Statistics(ctx, req)
}
