package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) FinanceDistributorList(ctx context.Context, req *v1.FinanceDistributorListReq) (res *v1.FinanceDistributorListRes, err error) {
	return service.Derp().FinanceDistributorList(ctx, req)
}
