package banner

import (
	"context"

	"kami/api/banner/v1"
	"kami/internal/service"
)

func (c *ControllerV1) List(ctx context.Context, req *v1.ListReq) (res *v1.ListRes, err error) {
	return service.Banner().List(ctx, req)
}
