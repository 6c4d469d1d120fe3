package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) SerialOrderApprove(ctx context.Context, req *v1.SerialOrderApproveReq) (res *v1.SerialOrderApproveRes, err error) {
	return service.Derp().SerialOrderApprove(ctx, req)
}
