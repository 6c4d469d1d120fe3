package camel

import (
	"context"

	"kami/api/camel/v1"
	"kami/internal/service"
)

func (c *ControllerV1) MerchantUpdate(ctx context.Context, req *v1.MerchantUpdateReq) (res *v1.MerchantUpdateRes, err error) {
	return service.Camel().UpdateMerchant(ctx, req)
}
