package proxy

import (
	"context"

	"kami/api/proxy/v1"
	"kami/internal/service"
)

func (c *ControllerV1) FlowLogList(ctx context.Context, req *v1.FlowLogListReq) (res *v1.FlowLogListRes, err error) {
	return service.Proxy().FlowLogs(ctx, req)
}
