package proxy

import (
	"context"

	"kami/api/proxy/v1"
	"kami/internal/service"
)

func (c *ControllerV1) CallbackPost(ctx context.Context, req *v1.CallbackPostReq) (res *v1.CallbackPostRes, err error) {
	return service.Proxy().CallbackPost(ctx, req)
}
