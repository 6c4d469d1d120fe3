package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) ServerUndrain(ctx context.Context, req *v1.ServerUndrainReq) (res *v1.ServerUndrainRes, err error) {
	return service.Derp().ServerUndrain(ctx, req)
}
