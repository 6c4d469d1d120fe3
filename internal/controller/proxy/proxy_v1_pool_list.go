package proxy

import (
	"context"

	"kami/api/proxy/v1"
	"kami/internal/service"
)

func (c *ControllerV1) PoolList(ctx context.Context, req *v1.PoolListReq) (res *v1.PoolListRes, err error) {
	return service.Proxy().Pools(ctx, req)
}
