package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) ContainerRestart(ctx context.Context, req *v1.ContainerRestartReq) (res *v1.ContainerRestartRes, err error) {
	return service.Derp().ContainerRestart(ctx, req)
}
