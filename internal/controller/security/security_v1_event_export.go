package security

import (
	"context"

	"kami/api/security/v1"
	"kami/internal/httpx"
	"kami/internal/service"
)

func (c *ControllerV1) EventExport(ctx context.Context, req *v1.EventExportReq) (res *v1.EventExportRes, err error) {
	d, err := service.Security().Export(ctx, req)
	if err != nil {
		return nil, err
	}
	return nil, httpx.SendDownload(ctx, d)
}
