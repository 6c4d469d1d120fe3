package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) CustomerGet(ctx context.Context, req *v1.CustomerGetReq) (res *v1.CustomerGetRes, err error) {
	return service.Derp().CustomerGet(ctx, req)
}
