package proxy

import (
	"context"

	"kami/api/proxy/v1"
	"kami/internal/service"
)

func (c *ControllerV1) RegionList(ctx context.Context, req *v1.RegionListReq) (res *v1.RegionListRes, err error) {
	return service.Proxy().Regions(ctx, req)
}
