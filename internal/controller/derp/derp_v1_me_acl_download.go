package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/httpx"
	"kami/internal/service"
)

func (c *ControllerV1) MeAclDownload(ctx context.Context, req *v1.MeAclDownloadReq) (res *v1.MeAclDownloadRes, err error) {
	d, err := service.Derp().MeAclDownload(ctx, req)
	if err != nil {
		return nil, err
	}
	return nil, httpx.SendDownload(ctx, d)
}
