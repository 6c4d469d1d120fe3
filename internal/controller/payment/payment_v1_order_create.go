package payment

import (
	"context"

	"kami/api/payment/v1"
	"kami/internal/service"
)

func (c *ControllerV1) OrderCreate(ctx context.Context, req *v1.OrderCreateReq) (res *v1.OrderCreateRes, err error) {
	return service.Payment().Create(ctx, req)
}
