package proxy

import (
	"context"

	"kami/api/proxy/v1"
	"kami/internal/service"
)

func (c *ControllerV1) CallbackGet(ctx context.Context, req *v1.CallbackGetReq) (res *v1.CallbackGetRes, err error) {
	return service.Proxy().CallbackGet(ctx, req)
}
