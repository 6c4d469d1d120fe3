package camel

import (
	"context"

	"kami/api/camel/v1"
	"kami/internal/service"
)

func (c *ControllerV1) MerchantStatus(ctx context.Context, req *v1.MerchantStatusReq) (res *v1.MerchantStatusRes, err error) {
	return service.Camel().SetMerchantStatus(ctx, req)
}
