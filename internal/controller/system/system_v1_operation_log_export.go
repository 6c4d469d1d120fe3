package system

import (
	"context"
	"kami/internal/service"

	"kami/api/system/v1"
)

func (c *ControllerV1) OperationLogExport(ctx context.Context, req *v1.OperationLogExportReq) (res *v1.OperationLogExportRes, err error) {
	return service.Logs().OperationExport(ctx, req)
}
