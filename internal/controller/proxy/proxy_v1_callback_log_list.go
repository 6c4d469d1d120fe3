package proxy

import (
	"context"

	"kami/api/proxy/v1"
	"kami/internal/service"
)

func (c *ControllerV1) CallbackLogList(ctx context.Context, req *v1.CallbackLogListReq) (res *v1.CallbackLogListRes, err error) {
	return service.Proxy().CallbackLogs(ctx, req)
}
