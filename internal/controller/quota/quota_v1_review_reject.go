package quota

import (
	"context"

	"kami/api/quota/v1"
	"kami/internal/service"
)

func (c *ControllerV1) ReviewReject(ctx context.Context, req *v1.ReviewRejectReq) (res *v1.ReviewRejectRes, err error) {
	return service.Quota().RejectReview(ctx, req)
}
