package proxy

import (
	"context"

	"kami/api/proxy/v1"
	"kami/internal/service"
)

func (c *ControllerV1) WhitelistDelete(ctx context.Context, req *v1.WhitelistDeleteReq) (res *v1.WhitelistDeleteRes, err error) {
	return service.Proxy().DeleteWhitelist(ctx, req)
}
