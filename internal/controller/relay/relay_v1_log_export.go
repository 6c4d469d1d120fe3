package relay

import (
	"context"

	"kami/api/relay/v1"
	"kami/internal/httpx"
	"kami/internal/service"
)

func (c *ControllerV1) LogExport(ctx context.Context, req *v1.LogExportReq) (res *v1.LogExportRes, err error) {
	d, err := service.Relay().LogExport(ctx, req)
	if err != nil {
		return nil, err
	}
	return nil, httpx.SendDownload(ctx, d)
}
