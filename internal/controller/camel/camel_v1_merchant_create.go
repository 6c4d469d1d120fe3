package camel

import (
	"context"

	"kami/api/camel/v1"
	"kami/internal/service"
)

func (c *ControllerV1) MerchantCreate(ctx context.Context, req *v1.MerchantCreateReq) (res *v1.MerchantCreateRes, err error) {
	return service.Camel().CreateMerchant(ctx, req)
}
