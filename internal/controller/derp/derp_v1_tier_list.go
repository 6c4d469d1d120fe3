package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) TierList(ctx context.Context, req *v1.TierListReq) (res *v1.TierListRes, err error) {
	return service.Derp().TierList(ctx, req)
}
