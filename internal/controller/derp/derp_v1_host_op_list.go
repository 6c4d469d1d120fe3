package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) HostOpList(ctx context.Context, req *v1.HostOpListReq) (res *v1.HostOpListRes, err error) {
	return service.Derp().HostOpList(ctx, req)
}
