package proxy

import (
	"context"

	"kami/api/proxy/v1"
	"kami/internal/service"
)

func (c *ControllerV1) UserLimitsPut(ctx context.Context, req *v1.UserLimitsPutReq) (res *v1.UserLimitsPutRes, err error) {
	return service.Proxy().PutUserLimit(ctx, req)
}
