package quota

import (
	"context"

	"kami/api/quota/v1"
	"kami/internal/httpx"
	"kami/internal/service"
)

func (c *ControllerV1) LedgerExport(ctx context.Context, req *v1.LedgerExportReq) (res *v1.LedgerExportRes, err error) {
	d, err := service.Quota().LedgerExport(ctx, req)
	if err != nil {
		return nil, err
	}
	return nil, httpx.SendDownload(ctx, d)
}
