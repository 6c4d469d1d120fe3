package proxy

import (
	"context"

	"kami/api/proxy/v1"
	"kami/internal/service"
)

func (c *ControllerV1) DiscrepancyResolve(ctx context.Context, req *v1.DiscrepancyResolveReq) (res *v1.DiscrepancyResolveRes, err error) {
	return service.Proxy().ResolveDiscrepancy(ctx, req)
}
