package banner

import (
	"context"

	"kami/api/banner/v1"
	"kami/internal/service"
)

func (c *ControllerV1) PublicList(ctx context.Context, req *v1.PublicListReq) (res *v1.PublicListRes, err error) {
	return service.Banner().PublicList(ctx, req)
}
