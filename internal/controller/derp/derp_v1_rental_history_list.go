package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) RentalHistoryList(ctx context.Context, req *v1.RentalHistoryListReq) (res *v1.RentalHistoryListRes, err error) {
	return service.Derp().RentalHistoryList(ctx, req)
}
