package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) ContainerTraffic(ctx context.Context, req *v1.ContainerTrafficReq) (res *v1.ContainerTrafficRes, err error) {
	return service.Derp().ContainerTraffic(ctx, req)
}
