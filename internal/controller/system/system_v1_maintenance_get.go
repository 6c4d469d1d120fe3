package system

import (
	"context"

	"kami/api/system/v1"
	"kami/internal/service"
)

func (c *ControllerV1) MaintenanceGet(ctx context.Context, req *v1.MaintenanceGetReq) (res *v1.MaintenanceGetRes, err error) {
	return service.Maintenance().Status(ctx, req)
}
