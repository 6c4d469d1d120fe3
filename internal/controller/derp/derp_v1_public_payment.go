package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) PublicPayment(ctx context.Context, req *v1.PublicPaymentReq) (res *v1.PublicPaymentRes, err error) {
	return service.Derp().PublicPayment(ctx, req)
}
