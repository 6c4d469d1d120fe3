package stats

import (
	"context"

	"kami/api/stats/v1"
	"kami/internal/httpx"
	"kami/internal/service"
)

func (c *ControllerV1) Export(ctx context.Context, req *v1.ExportReq) (res *v1.ExportRes, err error) {
	d, err := service.Stats().Export(ctx, req)
	if err != nil {
		return nil, err
	}
	return nil, httpx.SendDownload(ctx, d)
}
