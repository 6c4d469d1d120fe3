package system

import (
	"context"

	"kami/api/system/v1"
	"kami/internal/service"
)

func (c *ControllerV1) RestoreRequestCreate(ctx context.Context, req *v1.RestoreRequestCreateReq) (res *v1.RestoreRequestCreateRes, err error) {
	return service.Backup().RestoreRequest(ctx, req)
}
