package quota

import (
	"context"

	"kami/api/quota/v1"
	"kami/internal/service"
)

func (c *ControllerV1) ReviewApprove(ctx context.Context, req *v1.ReviewApproveReq) (res *v1.ReviewApproveRes, err error) {
	return service.Quota().ApproveReview(ctx, req)
}
