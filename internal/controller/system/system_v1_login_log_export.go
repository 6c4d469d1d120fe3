package system

import (
	"context"
	"kami/internal/httpx"
	"kami/internal/service"

	"kami/api/system/v1"
)

func (c *ControllerV1) LoginLogExport(ctx context.Context, req *v1.LoginLogExportReq) (res *v1.LoginLogExportRes, err error) {
	d, err := service.Logs().LoginExport(ctx, req)
	if err != nil {
		return nil, err
	}
	return nil, httpx.SendDownload(ctx, d)
}
