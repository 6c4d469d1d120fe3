package camelmerchant

import (
	"context"

	"kami/api/camelmerchant/v1"
	"kami/internal/service"
)

func (c *ControllerV1) Query(ctx context.Context, req *v1.QueryReq) (res *v1.QueryRes, err error) {
	return service.Camel().QueryMerchantOrder(ctx, req)
}
