package proxy

import (
	"context"

	"kami/api/proxy/v1"
	"kami/internal/service"
)

func (c *ControllerV1) DiscrepancyList(ctx context.Context, req *v1.DiscrepancyListReq) (res *v1.DiscrepancyListRes, err error) {
	return service.Proxy().Discrepancies(ctx, req)
}
