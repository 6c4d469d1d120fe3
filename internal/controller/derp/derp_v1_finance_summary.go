package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) FinanceSummary(ctx context.Context, req *v1.FinanceSummaryReq) (res *v1.FinanceSummaryRes, err error) {
	return service.Derp().FinanceSummary(ctx, req)
}
