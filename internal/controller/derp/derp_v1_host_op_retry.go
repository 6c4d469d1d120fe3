package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) HostOpRetry(ctx context.Context, req *v1.HostOpRetryReq) (res *v1.HostOpRetryRes, err error) {
	return service.Derp().HostOpRetry(ctx, req)
}
