package stats

import (
	"context"

	"kami/api/stats/v1"
	"kami/internal/service"
)

func (c *ControllerV1) TopAgents(ctx context.Context, req *v1.TopAgentsReq) (res *v1.TopAgentsRes, err error) {
	return service.Stats().TopAgents(ctx, req)
}
