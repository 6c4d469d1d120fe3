package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) Resend(ctx context.Context, req *v1.ResendReq) (res *v1.ResendRes, err error) {
	return service.Derp().Resend(ctx, req)
}
