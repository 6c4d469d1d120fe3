package proxy

import (
	"context"

	"kami/api/proxy/v1"
	"kami/internal/service"
)

func (c *ControllerV1) WhitelistList(ctx context.Context, req *v1.WhitelistListReq) (res *v1.WhitelistListRes, err error) {
	return service.Proxy().WhitelistList(ctx, req)
}
