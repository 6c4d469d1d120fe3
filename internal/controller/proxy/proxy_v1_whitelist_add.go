package proxy

import (
	"context"

	"kami/api/proxy/v1"
	"kami/internal/service"
)

func (c *ControllerV1) WhitelistAdd(ctx context.Context, req *v1.WhitelistAddReq) (res *v1.WhitelistAddRes, err error) {
	return service.Proxy().AddWhitelist(ctx, req)
}
