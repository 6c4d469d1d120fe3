package system

import (
	"context"
	"kami/internal/service"

	"kami/api/system/v1"
)

func (c *ControllerV1) LoginLogExport(ctx context.Context, req *v1.LoginLogExportReq) (res *v1.LoginLogExportRes, err error) {
	return service.Logs().LoginExport(ctx, req)
}
