package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) ServerProbes(ctx context.Context, req *v1.ServerProbesReq) (res *v1.ServerProbesRes, err error) {
	return service.Derp().ServerProbes(ctx, req)
}
