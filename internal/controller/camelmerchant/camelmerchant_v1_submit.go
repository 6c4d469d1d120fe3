package camelmerchant

import (
	"context"

	"kami/api/camelmerchant/v1"
	"kami/internal/service"
)

func (c *ControllerV1) Submit(ctx context.Context, req *v1.SubmitReq) (res *v1.SubmitRes, err error) {
	return service.Camel().SubmitOrder(ctx, req)
}
