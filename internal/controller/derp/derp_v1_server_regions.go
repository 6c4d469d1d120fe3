package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) ServerRegions(ctx context.Context, req *v1.ServerRegionsReq) (res *v1.ServerRegionsRes, err error) {
	return service.Derp().ServerRegions(ctx, req)
}
