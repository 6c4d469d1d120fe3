package proxy

import (
	"context"

	"kami/api/proxy/v1"
	"kami/internal/service"
)

func (c *ControllerV1) InstanceRelease(ctx context.Context, req *v1.InstanceReleaseReq) (res *v1.InstanceReleaseRes, err error) {
	return service.Proxy().ReleaseInstances(ctx, req)
}
