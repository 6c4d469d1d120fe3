package derp

import (
	"context"

	"kami/api/derp/v1"
	"kami/internal/service"
)

func (c *ControllerV1) AclDownloadList(ctx context.Context, req *v1.AclDownloadListReq) (res *v1.AclDownloadListRes, err error) {
	return service.Derp().AclDownloadList(ctx, req)
}
