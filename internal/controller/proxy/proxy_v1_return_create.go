package proxy

import (
	"context"

	"kami/api/proxy/v1"
	"kami/internal/service"
)

func (c *ControllerV1) ReturnCreate(ctx context.Context, req *v1.ReturnCreateReq) (res *v1.ReturnCreateRes, err error) {
	return service.Proxy().CreateReturn(ctx, req)
}
