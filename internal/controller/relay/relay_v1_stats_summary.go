package relay

import (
	"context"

	"kami/api/relay/v1"
	"kami/internal/service"
)

func (c *ControllerV1) StatsSummary(ctx context.Context, req *v1.StatsSummaryReq) (res *v1.StatsSummaryRes, err error) {
	return service.Relay().StatsSummary(ctx, req)
}
