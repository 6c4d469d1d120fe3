package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/httpx"
	"kami/internal/service"
)

func (c *ControllerV1) SerialBatchExport(ctx context.Context, req *v1.SerialBatchExportReq) (res *v1.SerialBatchExportRes, err error) {
	d, err := service.Derp().SerialBatchExport(ctx, req)
	if err != nil {
		return nil, err
	}
	return nil, httpx.SendDownload(ctx, d)
}
