package proxy

import (
	"context"

	"kami/api/proxy/v1"
	"kami/internal/service"
)

func (c *ControllerV1) InstanceGet(ctx context.Context, req *v1.InstanceGetReq) (res *v1.InstanceGetRes, err error) {
	return service.Proxy().GetInstance(ctx, req)
}
