package proxy

import (
	"context"

	"kami/api/proxy/v1"
	"kami/internal/service"
)

func (c *ControllerV1) InstanceUpdate(ctx context.Context, req *v1.InstanceUpdateReq) (res *v1.InstanceUpdateRes, err error) {
	return service.Proxy().UpdateInstance(ctx, req)
}
