package banner

import (
	"context"

	"kami/api/banner/v1"
	"kami/internal/service"
)

func (c *ControllerV1) Update(ctx context.Context, req *v1.UpdateReq) (res *v1.UpdateRes, err error) {
	return service.Banner().Update(ctx, req)
}
