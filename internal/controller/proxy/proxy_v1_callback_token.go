package proxy

import (
	"context"

	"kami/api/proxy/v1"
	"kami/internal/service"
)

func (c *ControllerV1) CallbackToken(ctx context.Context, req *v1.CallbackTokenReq) (res *v1.CallbackTokenRes, err error) {
	return service.Proxy().RotateCallbackToken(ctx, req)
}
