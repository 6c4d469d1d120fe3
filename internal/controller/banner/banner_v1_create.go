package banner

import (
	"context"

	"kami/api/banner/v1"
	"kami/internal/service"
)

func (c *ControllerV1) Create(ctx context.Context, req *v1.CreateReq) (res *v1.CreateRes, err error) {
	return service.Banner().Create(ctx, req)
}
