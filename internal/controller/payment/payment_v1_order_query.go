package payment

import (
	"context"

	"kami/api/payment/v1"
	"kami/internal/service"
)

func (c *ControllerV1) OrderQuery(ctx context.Context, req *v1.OrderQueryReq) (res *v1.OrderQueryRes, err error) {
	return service.Payment().Query(ctx, req)
}
