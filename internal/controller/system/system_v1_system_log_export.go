package system

import (
	"context"
	"kami/internal/httpx"
	"kami/internal/service"

	"kami/api/system/v1"
)

func (c *ControllerV1) SystemLogExport(ctx context.Context, req *v1.SystemLogExportReq) (res *v1.SystemLogExportRes, err error) {
	d, err := service.Logs().SystemExport(ctx, req)
	if err != nil {
		return nil, err
	}
	return nil, httpx.SendDownload(ctx, d)
}
