package camel

import (
	"context"

	"kami/api/camel/v1"
	"kami/internal/httpx"
	"kami/internal/service"
)

func (c *ControllerV1) OrderExport(ctx context.Context, req *v1.OrderExportReq) (res *v1.OrderExportRes, err error) {
	d, err := service.Camel().ExportOrders(ctx, req)
	if err != nil {
		return nil, err
	}
	return nil, httpx.SendDownload(ctx, d)
}
