package camel

import (
	"context"

	"kami/api/camel/v1"
	"kami/internal/httpx"
	"kami/internal/service"
)

func (c *ControllerV1) AccountExport(ctx context.Context, req *v1.AccountExportReq) (res *v1.AccountExportRes, err error) {
	d, err := service.Camel().ExportAccounts(ctx, req)
	if err != nil {
		return nil, err
	}
	return nil, httpx.SendDownload(ctx, d)
}
