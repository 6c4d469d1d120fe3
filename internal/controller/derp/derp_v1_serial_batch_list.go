package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) SerialBatchList(ctx context.Context, req *v1.SerialBatchListReq) (res *v1.SerialBatchListRes, err error) {
	return service.Derp().SerialBatchList(ctx, req)
}
