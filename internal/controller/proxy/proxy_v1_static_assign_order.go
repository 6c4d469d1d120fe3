package proxy

import (
	"context"

	"kami/api/proxy/v1"
	"kami/internal/service"
)

func (c *ControllerV1) StaticAssignOrder(ctx context.Context, req *v1.StaticAssignOrderReq) (res *v1.StaticAssignOrderRes, err error) {
	return service.Proxy().CreateStaticAssignOrder(ctx, req)
}
