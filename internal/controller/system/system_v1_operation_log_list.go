package system

import (
	"context"
	"kami/internal/service"

	"kami/api/system/v1"
)

func (c *ControllerV1) OperationLogList(ctx context.Context, req *v1.OperationLogListReq) (res *v1.OperationLogListRes, err error) {
	return service.Logs().OperationList(ctx, req)
}
