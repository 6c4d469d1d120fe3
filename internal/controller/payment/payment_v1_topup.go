package payment

import (
	"context"

	"kami/api/payment/v1"
	"kami/internal/service"
)

func (c *ControllerV1) Topup(ctx context.Context, req *v1.TopupReq) (res *v1.TopupRes, err error) {
	return service.Payment().Topup(ctx, req)
}
