package proxy

import (
	"context"

	"kami/api/proxy/v1"
	"kami/internal/service"
)

func (c *ControllerV1) UserLimitsGet(ctx context.Context, req *v1.UserLimitsGetReq) (res *v1.UserLimitsGetRes, err error) {
	return service.Proxy().UserLimits(ctx, req)
}
