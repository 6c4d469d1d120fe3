package system

import (
	"context"

	"kami/api/system/v1"
	"kami/internal/service"
)

func (c *ControllerV1) BackupCreate(ctx context.Context, req *v1.BackupCreateReq) (res *v1.BackupCreateRes, err error) {
	return service.Backup().Create(ctx, req)
}
