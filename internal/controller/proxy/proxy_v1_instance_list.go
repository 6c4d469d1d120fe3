package proxy

import (
	"context"

	"kami/api/proxy/v1"
	"kami/internal/service"
)

func (c *ControllerV1) InstanceList(ctx context.Context, req *v1.InstanceListReq) (res *v1.InstanceListRes, err error) {
	return service.Proxy().Instances(ctx, req)
}
