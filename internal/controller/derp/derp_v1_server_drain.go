package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) ServerDrain(ctx context.Context, req *v1.ServerDrainReq) (res *v1.ServerDrainRes, err error) {
	return service.Derp().ServerDrain(ctx, req)
}
