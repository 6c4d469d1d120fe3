package camel

import (
	"context"

	"kami/api/camel/v1"
	"kami/internal/service"
)

func (c *ControllerV1) MerchantList(ctx context.Context, req *v1.MerchantListReq) (res *v1.MerchantListRes, err error) {
	return service.Camel().ListMerchants(ctx, req)
}
