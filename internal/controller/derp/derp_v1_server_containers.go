package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) ServerContainers(ctx context.Context, req *v1.ServerContainersReq) (res *v1.ServerContainersRes, err error) {
	return service.Derp().ServerContainers(ctx, req)
}
