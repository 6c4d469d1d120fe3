package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) SerialGet(ctx context.Context, req *v1.SerialGetReq) (res *v1.SerialGetRes, err error) {
	return service.Derp().SerialGet(ctx, req)
}
