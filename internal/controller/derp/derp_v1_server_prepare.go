package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) ServerPrepare(ctx context.Context, req *v1.ServerPrepareReq) (res *v1.ServerPrepareRes, err error) {
	return service.Derp().ServerPrepare(ctx, req)
}
