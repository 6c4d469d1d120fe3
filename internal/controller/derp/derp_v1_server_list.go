package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) ServerList(ctx context.Context, req *v1.ServerListReq) (res *v1.ServerListRes, err error) {
	return service.Derp().ServerList(ctx, req)
}
