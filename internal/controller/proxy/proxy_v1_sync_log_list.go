package proxy

import (
	"context"

	"kami/api/proxy/v1"
	"kami/internal/service"
)

func (c *ControllerV1) SyncLogList(ctx context.Context, req *v1.SyncLogListReq) (res *v1.SyncLogListRes, err error) {
	return service.Proxy().SyncLogs(ctx, req)
}
