package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) SerialList(ctx context.Context, req *v1.SerialListReq) (res *v1.SerialListRes, err error) {
	return service.Derp().SerialList(ctx, req)
}
