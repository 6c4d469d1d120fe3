package proxy

import (
	"context"

	"kami/api/proxy/v1"
	"kami/internal/service"
)

func (c *ControllerV1) ProductAreas(ctx context.Context, req *v1.ProductAreasReq) (res *v1.ProductAreasRes, err error) {
	return service.Proxy().ProductAreas(ctx, req)
}
