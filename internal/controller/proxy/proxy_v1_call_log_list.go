package proxy

import (
	"context"

	"kami/api/proxy/v1"
	"kami/internal/service"
)

func (c *ControllerV1) CallLogList(ctx context.Context, req *v1.CallLogListReq) (res *v1.CallLogListRes, err error) {
	return service.Proxy().CallLogs(ctx, req)
}
