package banner

import (
	"context"

	"kami/api/banner/v1"
	"kami/internal/service"
)

func (c *ControllerV1) Status(ctx context.Context, req *v1.StatusReq) (res *v1.StatusRes, err error) {
	return service.Banner().SetStatus(ctx, req)
}
