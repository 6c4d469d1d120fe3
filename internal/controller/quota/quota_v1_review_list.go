package quota

import (
	"context"

	"kami/api/quota/v1"
	"kami/internal/service"
)

func (c *ControllerV1) ReviewList(ctx context.Context, req *v1.ReviewListReq) (res *v1.ReviewListRes, err error) {
	return service.Quota().Reviews(ctx, req)
}
