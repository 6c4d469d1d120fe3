package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) ServerConfirmHostKey(ctx context.Context, req *v1.ServerConfirmHostKeyReq) (res *v1.ServerConfirmHostKeyRes, err error) {
	return service.Derp().ServerConfirmHostKey(ctx, req)
}
