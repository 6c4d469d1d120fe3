package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) AlertList(ctx context.Context, req *v1.AlertListReq) (res *v1.AlertListRes, err error) {
	return service.Derp().AlertList(ctx, req)
}
