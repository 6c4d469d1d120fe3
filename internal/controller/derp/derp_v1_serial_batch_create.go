package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) SerialBatchCreate(ctx context.Context, req *v1.SerialBatchCreateReq) (res *v1.SerialBatchCreateRes, err error) {
	return service.Derp().SerialBatchCreate(ctx, req)
}
