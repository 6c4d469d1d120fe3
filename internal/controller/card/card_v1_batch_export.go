package card

import (
	"context"

	"kami/api/card/v1"
	"kami/internal/httpx"
	"kami/internal/service"
)

func (c *ControllerV1) BatchExport(ctx context.Context, req *v1.BatchExportReq) (res *v1.BatchExportRes, err error) {
	d, err := service.Card().ExportBatch(ctx, req)
	if err != nil {
		return nil, err
	}
	return nil, httpx.SendDownload(ctx, d)
}
