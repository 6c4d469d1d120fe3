package proxy

import (
	"context"

	"kami/api/proxy/v1"
	"kami/internal/service"
)

func (c *ControllerV1) AssignIP(ctx context.Context, req *v1.AssignIPReq) (res *v1.AssignIPRes, err error) {
	return service.Proxy().AssignIP(ctx, req)
}
