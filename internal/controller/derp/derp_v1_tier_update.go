package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) TierUpdate(ctx context.Context, req *v1.TierUpdateReq) (res *v1.TierUpdateRes, err error) {
	return service.Derp().TierUpdate(ctx, req)
}
