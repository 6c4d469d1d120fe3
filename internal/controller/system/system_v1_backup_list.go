package system

import (
	"context"

	"kami/api/system/v1"
	"kami/internal/service"
)

func (c *ControllerV1) BackupList(ctx context.Context, req *v1.BackupListReq) (res *v1.BackupListRes, err error) {
	return service.Backup().List(ctx, req)
}
