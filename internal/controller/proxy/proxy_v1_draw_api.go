package proxy

import (
	"context"

	"kami/api/proxy/v1"
	"kami/internal/service"
)

func (c *ControllerV1) DrawAPI(ctx context.Context, req *v1.DrawAPIReq) (res *v1.DrawAPIRes, err error) {
	return service.Proxy().DrawAPI(ctx, req)
}
