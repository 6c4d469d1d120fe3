package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) ServerDelete(ctx context.Context, req *v1.ServerDeleteReq) (res *v1.ServerDeleteRes, err error) {
	return service.Derp().ServerDelete(ctx, req)
}
