package payment

import (
	"context"

	"kami/api/payment/v1"
	"kami/internal/service"
)

func (c *ControllerV1) Notify(ctx context.Context, req *v1.NotifyReq) (res *v1.NotifyRes, err error) {
	return service.Payment().Notify(ctx, req)
}
