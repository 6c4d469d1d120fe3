package proxy

import (
	"context"

	"kami/api/proxy/v1"
	"kami/internal/service"
)

func (c *ControllerV1) InstanceRenew(ctx context.Context, req *v1.InstanceRenewReq) (res *v1.InstanceRenewRes, err error) {
	return service.Proxy().RenewInstances(ctx, req)
}
