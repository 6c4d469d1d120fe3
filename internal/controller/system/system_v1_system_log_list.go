package system

import (
	"context"

	"kami/api/system/v1"
	"kami/internal/service"
)

func (c *ControllerV1) SystemLogList(ctx context.Context, req *v1.SystemLogListReq) (res *v1.SystemLogListRes, err error) {
	return service.Logs().SystemList(ctx, req)
}
