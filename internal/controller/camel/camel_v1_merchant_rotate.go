package camel

import (
	"context"

	"kami/api/camel/v1"
	"kami/internal/service"
)

func (c *ControllerV1) MerchantRotate(ctx context.Context, req *v1.MerchantRotateReq) (res *v1.MerchantRotateRes, err error) {
	return service.Camel().RotateMerchantSecret(ctx, req)
}
