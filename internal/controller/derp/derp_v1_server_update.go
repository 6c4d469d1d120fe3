package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) ServerUpdate(ctx context.Context, req *v1.ServerUpdateReq) (res *v1.ServerUpdateRes, err error) {
	return service.Derp().ServerUpdate(ctx, req)
}
