package system

import (
	"context"
	"kami/internal/httpx"
	"kami/internal/service"

	"kami/api/system/v1"
)

func (c *ControllerV1) OperationLogExport(ctx context.Context, req *v1.OperationLogExportReq) (res *v1.OperationLogExportRes, err error) {
	d, err := service.Logs().OperationExport(ctx, req)
	if err != nil {
		return nil, err
	}
	return nil, httpx.SendDownload(ctx, d)
}
