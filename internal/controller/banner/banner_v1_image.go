package banner

import (
	"context"

	"kami/api/banner/v1"
	"kami/internal/httpx"
	"kami/internal/service"
)

func (c *ControllerV1) Image(ctx context.Context, req *v1.ImageReq) (res *v1.ImageRes, err error) {
	f, err := service.Banner().Image(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	return nil, httpx.SendCached(ctx, f)
}
