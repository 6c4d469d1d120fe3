package system

import (
	"context"

	"kami/api/system/v1"
	"kami/internal/service"
)

func (c *ControllerV1) Version(ctx context.Context, req *v1.VersionReq) (res *v1.VersionRes, err error) {
	return service.Maintenance().Version(ctx, req)
}
