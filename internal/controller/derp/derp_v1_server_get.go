package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) ServerGet(ctx context.Context, req *v1.ServerGetReq) (res *v1.ServerGetRes, err error) {
	return service.Derp().ServerGet(ctx, req)
}
